// Models for the handwriting bench: loaded from a model folder / model.json given by flag, or else
// trained here once with the engine's presets on the bundled data (MNIST, letters) and cached in
// bench/out/handwriting-models/ so later runs reuse them. Never trained on the UNIPEN file.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { augmentBatch } from '../datasets/augment';
import { LETTER_CLASS_NAMES } from '../datasets/letters/info';
import { defaultDataDir, loadDataset } from '../datasets/load';
import type { Dataset } from '../engine/batch';
import { deserializeModel, Rng, Sequential, SoftmaxCrossEntropy, serializeModel } from '../engine/index';
import { evaluate } from '../engine/metrics';
import { type PresetId, preset, presetTrainOptions } from '../engine/presets';
import { train } from '../engine/train';
import { loadMnist } from './mnist';

export type Task = 'digits' | 'letters';

export interface BenchModel {
  readonly model: Sequential;
  readonly classes: readonly string[];
  /** Where it came from, for the report. */
  readonly origin: string;
}

const OUT = fileURLToPath(new URL('./out/handwriting-models/', import.meta.url));

/** Reads `<dir>/model.json` + `<dir>/weights.bin` (a folder or the model.json path). */
export function loadModelFile(path: string): BenchModel {
  const json = path.endsWith('.json') ? path : join(path, 'model.json');
  const weights = join(dirname(json), 'weights.bin');
  const { model, meta } = deserializeModel(JSON.parse(readFileSync(json, 'utf8')), readFileSync(weights));
  return { model, classes: meta.classes, origin: json };
}

export async function trainingSet(task: Task, split: 'train' | 'test'): Promise<Dataset> {
  if (task === 'digits') return loadMnist(split);
  if (existsSync(join(defaultDataDir(), 'letters', 'manifest.json'))) {
    const d = await loadDataset('letters', split);
    return { images: d.images, labels: d.labels, sampleShape: [1, 28, 28] };
  }
  throw new Error('letters: not built: run `npm run datasets`');
}

export interface QuickTrainOptions {
  readonly preset: PresetId;
  readonly epochs: number;
  readonly seed: number;
  /** Retrain even when a cached model exists. */
  readonly retrain: boolean;
}

/** Trains (or reuses the cached) `preset` on the task's bundled training set. */
export async function quickModel(task: Task, o: QuickTrainOptions): Promise<BenchModel> {
  const dir = join(OUT, `${task}-${o.preset}-e${o.epochs}-s${o.seed}`);
  if (!o.retrain && existsSync(join(dir, 'model.json'))) return loadModelFile(dir);
  const classes =
    task === 'digits' ? ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] : [...LETTER_CLASS_NAMES];
  const p = preset(o.preset, { classes: classes.length });
  const data = await trainingSet(task, 'train');
  const model = new Sequential(p.model, new Rng(o.seed));
  const loss = new SoftmaxCrossEntropy();
  const t0 = performance.now();
  await train(model, data, {
    epochs: o.epochs,
    ...presetTrainOptions(p.training),
    loss,
    seed: o.seed,
    augment: p.training.augment
      ? (images, rng) => {
          augmentBatch(images.data, images.shape[0], rng);
          return undefined;
        }
      : undefined,
    onEpochEnd: (e) =>
      console.log(
        `  ${task} ${o.preset} epoch ${e.epoch + 1}/${o.epochs}: loss ${e.trainLoss.toFixed(4)}, train acc ${(100 * e.trainAccuracy).toFixed(2)} %, ${e.seconds.toFixed(0)} s`,
      ),
  });
  const seconds = (performance.now() - t0) / 1000;
  const test = evaluate(model, await trainingSet(task, 'test'), {
    numClasses: classes.length,
    batchSize: 500,
  });
  const { json, weights } = serializeModel(model, {
    classes,
    training: { preset: o.preset, epochs: o.epochs, seed: o.seed, seconds, by: 'bench/handwriting.ts' },
    metrics: { bundledTestAccuracy: test.accuracy },
  });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.json'), `${JSON.stringify(json, null, 2)}\n`);
  writeFileSync(join(dir, 'weights.bin'), weights);
  console.log(
    `  trained ${task} ${o.preset} in ${seconds.toFixed(0)} s; bundled test accuracy ${(100 * test.accuracy).toFixed(2)} %`,
  );
  return { model, classes, origin: `${dir} (trained here: ${o.preset}, ${o.epochs} epochs)` };
}

export function modelDir(): string {
  return OUT;
}
