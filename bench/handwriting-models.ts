// Models for the handwriting bench: a model folder (model.json + weights.bin, as models/<id>/ ships
// them) read with its Glyph Lab card (metadata.glyphLab: the recipe, the training record, the stored
// calibration), and the bundled training sets for the other accuracy benches.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { AppModelMeta } from '../app/core/model-meta';
import { defaultDataDir, loadDataset } from '../datasets/load';
import type { Dataset } from '../engine/batch';
import { deserializeModel, type Sequential } from '../engine/index';
import { loadMnist } from './mnist';

export type Task = 'digits' | 'letters';

export interface BenchModel {
  readonly model: Sequential;
  readonly classes: readonly string[];
  /** The model.json it was read from, for the report. */
  readonly origin: string;
  /** The model card, when the file has one (every built-in model does). */
  readonly card: Partial<AppModelMeta>;
}

/** Reads `<dir>/model.json` + `<dir>/weights.bin` (a folder or the model.json path). */
export function loadModelFile(path: string): BenchModel {
  const json = path.endsWith('.json') ? path : join(path, 'model.json');
  const weights = join(dirname(json), 'weights.bin');
  const parsed = JSON.parse(readFileSync(json, 'utf8'));
  const { model, meta } = deserializeModel(parsed, readFileSync(weights));
  return { model, classes: meta.classes, origin: json, card: parsed.metadata?.glyphLab ?? {} };
}

export async function trainingSet(task: Task, split: 'train' | 'test'): Promise<Dataset> {
  if (task === 'digits') return loadMnist(split);
  if (existsSync(join(defaultDataDir(), 'letters', 'manifest.json'))) {
    const d = await loadDataset('letters', split);
    return { images: d.images, labels: d.labels, sampleShape: [1, 28, 28] };
  }
  throw new Error('letters: not built: run `npm run datasets`');
}
