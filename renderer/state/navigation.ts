// Where the person is, and what the screen they are on was opened for. Screens send each other
// somewhere only through here ("train one for this task", "review this set", "try this model"),
// and the shell hands a screen its commands (a menu item, Enter to save the drawing) the same way,
// so no screen imports another. A pure reducer: the routing is tested without React.

import type { MenuCommand } from '../../app/shared/types';

export type Screen = 'draw' | 'train' | 'samples' | 'models';

/** Where to go and, for some screens, what for. The screen reads it when it opens. */
export type Intent =
  /** Draw on a task (Models' "Try": the model's task, once the model is active). */
  | { screen: 'draw'; datasetId?: string }
  /** The training form set to a task (Draw's "Train one"). */
  | { screen: 'train'; datasetId?: string }
  /** One of the person's sets shown (Train's "Review in Samples"). */
  | { screen: 'samples'; setId?: string }
  | { screen: 'models' };

/**
 * A command waiting for the screen that acts on it; that screen clears it once done. The help
 * overlay belongs to the shell, so `show-help` never waits here.
 */
export type Command = Exclude<MenuCommand, 'show-help'> | 'save-sample';

export interface Navigation {
  /** The screen shown and what it was opened for; replaced by the next navigation. */
  visit: Intent;
  /** The task the person chose ('' until they choose: the first dataset stands in). */
  chosenDatasetId: string;
  command: Command | null;
}

export type NavigationAction =
  | { type: 'navigate'; intent: Intent }
  | { type: 'choose-dataset'; datasetId: string }
  /** Set a command and show the screen that acts on it; `null` clears it. */
  | { type: 'command'; command: Command | null };

export const initialNavigation: Navigation = {
  visit: { screen: 'draw' },
  chosenDatasetId: '',
  command: null,
};

/** The screen that acts on each command. */
export const COMMAND_SCREEN: Record<Command, Screen> = {
  'import-images': 'samples',
  'save-sample': 'samples',
  'import-model': 'models',
  'export-model': 'models',
};

export function reduceNavigation(state: Navigation, action: NavigationAction): Navigation {
  switch (action.type) {
    case 'navigate': {
      const { intent } = action;
      // Trying a model on Draw switches the whole app to that model's task.
      const chosenDatasetId =
        intent.screen === 'draw' && intent.datasetId ? intent.datasetId : state.chosenDatasetId;
      return { ...state, visit: intent, chosenDatasetId };
    }
    case 'choose-dataset':
      return { ...state, chosenDatasetId: action.datasetId };
    case 'command': {
      if (action.command === null) return { ...state, command: null };
      const screen = COMMAND_SCREEN[action.command];
      // Staying on the screen keeps what it was opened for (the set Samples shows).
      const visit = state.visit.screen === screen ? state.visit : { screen };
      return { ...state, visit, command: action.command };
    }
  }
}
