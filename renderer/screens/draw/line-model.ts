// The model Line mode reads with: the one the Draw screen uses for the Characters task (its active
// model), which knows 0–9 and A–Z. Without one, a number reads with the Digits task's model and a
// word with the Letters task's; a code (mixed) needs the Characters model. When the Characters model
// reads, the Digits and Letters tasks' models (loaded only then, and not waited for) decide which digit
// and which letter inside each character's kind (datasets/lines/specialists.ts).

import type { LineKind } from '../../../datasets/lines/context';
import type { Specialists } from '../../../datasets/lines/specialists';
import { drawTasks } from '../../components/task-switcher';
import type { RecognizerState } from '../../inference/use-recognizer';
import { useRecognizer } from '../../inference/use-recognizer';
import { useApp } from '../../state/app-context';

export interface LineModelState {
  /** The model to read with; null while loading or when the kind has none. */
  readonly model: RecognizerState;
  /** Why there is nothing to read with (the model missing or broken), in words; null when reading. */
  readonly problem: string | null;
  /** The task whose model reads (for "Train one"). */
  readonly datasetId: string;
  /** The models inside the kind while the Characters model reads: each null until (unless) loaded. */
  readonly specialists: Specialists;
}

/** Which task's model reads a line of `kind`, given whether the Characters task has a model. */
export function lineTask(kind: LineKind, charactersReady: boolean): 'characters' | 'digits' | 'letters' {
  if (charactersReady || kind === 'mixed') return 'characters';
  return kind === 'number' ? 'digits' : 'letters';
}

export function useLineModel(kind: LineKind): LineModelState {
  const { datasets } = useApp();
  const tasks = drawTasks(datasets.items);
  const idOf = (task: string) => tasks.find((d) => d.task === task)?.id ?? '';
  const charactersId = idOf('characters');
  const characters = useRecognizer(charactersId);
  // While the Characters model loads, wait for it rather than flash the fallback.
  const task = lineTask(kind, charactersId !== '' && (characters.recognizer !== null || characters.loading));
  // Each single-task model is loaded when it reads the line or reads inside Characters' kinds.
  const wanted = (t: 'digits' | 'letters') => task === 'characters' || task === t;
  const digits = useRecognizer(wanted('digits') ? idOf('digits') : '');
  const letters = useRecognizer(wanted('letters') ? idOf('letters') : '');
  const model = task === 'characters' ? characters : task === 'digits' ? digits : letters;
  const specialists: Specialists =
    task === 'characters' ? { digits: digits.recognizer, letters: letters.recognizer } : {};
  const datasetId = idOf(task);
  let problem: string | null = null;
  if (model.error) problem = model.error;
  else if (datasetId === '' || (!model.loading && !model.recognizer))
    problem =
      task === 'characters'
        ? 'A code of digits and letters needs a Characters model, and there is none yet. Train one, or read a Number or Letters line.'
        : `There is no ${task} model to read this line with. Train one.`;
  return { model, problem, datasetId, specialists };
}
