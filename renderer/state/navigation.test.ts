import { describe, expect, it } from 'vitest';
import { initialNavigation, type Navigation, type NavigationAction, reduceNavigation } from './navigation';

const run = (actions: NavigationAction[], from: Navigation = initialNavigation) =>
  actions.reduce(reduceNavigation, from);

describe('reduceNavigation', () => {
  it('starts on Draw with no task chosen and nothing waiting', () => {
    expect(initialNavigation).toEqual({ visit: { screen: 'draw' }, chosenDatasetId: '', command: null });
  });

  it('carries what a screen was opened for, until the next navigation replaces it', () => {
    const train = run([{ type: 'navigate', intent: { screen: 'train', datasetId: 'letters' } }]);
    expect(train.visit).toEqual({ screen: 'train', datasetId: 'letters' });
    // Draw's "Train one" sets the form, not the app's task.
    expect(train.chosenDatasetId).toBe('');

    const review = run([{ type: 'navigate', intent: { screen: 'samples', setId: 'custom-stars' } }], train);
    expect(review.visit).toEqual({ screen: 'samples', setId: 'custom-stars' });

    const tab = run([{ type: 'navigate', intent: { screen: 'samples' } }], review);
    expect(tab.visit).toEqual({ screen: 'samples' });
  });

  it('trying a model on Draw switches the app to its task', () => {
    const s = run([
      { type: 'choose-dataset', datasetId: 'mnist' },
      { type: 'navigate', intent: { screen: 'models' } },
      { type: 'navigate', intent: { screen: 'draw', datasetId: 'letters' } },
    ]);
    expect(s.visit.screen).toBe('draw');
    expect(s.chosenDatasetId).toBe('letters');
    // A plain tab switch keeps the task.
    expect(run([{ type: 'navigate', intent: { screen: 'draw' } }], s).chosenDatasetId).toBe('letters');
  });

  it('a command shows the screen that acts on it and waits there until cleared', () => {
    const importing = run([{ type: 'command', command: 'import-images' }]);
    expect(importing).toMatchObject({ visit: { screen: 'samples' }, command: 'import-images' });
    expect(run([{ type: 'command', command: 'export-model' }]).visit).toEqual({ screen: 'models' });
    expect(run([{ type: 'command', command: 'import-model' }]).visit).toEqual({ screen: 'models' });
    // Navigating away does not drop it: the screen acts when it can (a set to import into).
    const away = run([{ type: 'navigate', intent: { screen: 'draw' } }], importing);
    expect(away.command).toBe('import-images');
    expect(run([{ type: 'command', command: null }], away).command).toBeNull();
  });

  it('saving the drawing keeps the set the Samples screen was opened for', () => {
    const s = run([
      { type: 'navigate', intent: { screen: 'samples', setId: 'custom-stars' } },
      { type: 'command', command: 'save-sample' },
    ]);
    expect(s).toMatchObject({ visit: { screen: 'samples', setId: 'custom-stars' }, command: 'save-sample' });
  });
});
