// Helpers shared by the core's tests: throwaway folders, tiny images, and a second process on the store.

import { type ChildProcess, fork } from 'node:child_process';
import { promises as fs, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isTempName } from '../../datasets/io/atomic';
import { Sequential } from '../../engine/model';
import { Rng } from '../../engine/rng';
import { flatDenseSpec } from '../../engine/test-specs';
import { writeModel } from '../model/engine-model';
import { FINE_TUNE_TRAINING } from '../model/fine-tune-recipe';
import type { ModelFiles } from '../shared/trainer-protocol';
import type { LayerSpecData, TrainingSpec } from '../shared/types';
import type { Core } from './core';

export function tempDir(prefix = 'glyph-core-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A 784-16-`classes` MLP: flatten, dense 16, ReLU, dense. */
export function tinyMlp(classes: number): LayerSpecData[] {
  return [
    { type: 'flatten', config: {} },
    { type: 'dense', config: { units: 16 } },
    { type: 'relu', config: {} },
    { type: 'dense', config: { units: classes } },
  ];
}

/** A fine-tuning job on `datasetId` from `baseModelId` (a LeNet) with the recipe's settings, augmented, no validation. */
export function fineTuneSpec(
  datasetId: string,
  baseModelId: string,
  over: Partial<TrainingSpec> & { seed: number },
): TrainingSpec {
  return {
    datasetId,
    architecture: 'lenet',
    baseModelId,
    ...FINE_TUNE_TRAINING,
    optimizer: { ...FINE_TUNE_TRAINING.optimizer },
    schedule: { ...FINE_TUNE_TRAINING.schedule },
    augmentation: true,
    validationSplit: 0,
    ...over,
  };
}

/** A quick MNIST job: a 784-16-10 MLP with Adam on the first 512 images, one epoch, seeded. */
export function tinySpec(over: Partial<TrainingSpec> = {}): TrainingSpec {
  return {
    datasetId: 'mnist',
    architecture: 'custom',
    layers: tinyMlp(10),
    optimizer: { type: 'adam', config: {} },
    learningRate: 0.01,
    schedule: { type: 'constant', config: {} },
    batchSize: 32,
    epochs: 1,
    augmentation: false,
    seed: 7,
    validationSplit: 0.1,
    limit: 512,
    name: 'tiny',
    ...over,
  };
}

/** A 28×28 image with a vertical bar at column `x` (1 = ink). */
export function barImage(x: number): Float32Array<ArrayBuffer> {
  const image = new Float32Array(784);
  for (let y = 4; y < 24; y++) image[y * 28 + x] = 1;
  return image;
}

/** A forked store-child.ts (through tsx): `ready` once it waits for 'go', `exit` with its exit code. */
export function forkStoreChild(args: string[]): {
  child: ChildProcess;
  ready: Promise<void>;
  go(): void;
  exit: Promise<number | null>;
} {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'stores', 'store-child.ts');
  const child = fork(entry, args, {
    execArgv: ['--import', tsx],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return {
    child,
    ready: new Promise((resolve) => child.once('message', () => resolve())),
    go: () => child.send('go'),
    exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
}

/**
 * A custom set of bar images made through the core's handlers: for each of `n` rounds, one sample of
 * each class `[label, column, spread]`, its bar at column + (round mod spread).
 */
export async function barSet(
  core: Pick<Core, 'handlers'>,
  title: string,
  n: number,
  classes: [label: string, column: number, spread: number][] = [
    ['left', 6, 3],
    ['right', 19, 3],
  ],
) {
  const set = await core.handlers['datasets:create']({ title, classes: classes.map(([label]) => label) });
  for (let i = 0; i < n; i++) {
    for (const [label, column, spread] of classes) {
      await core.handlers['samples:add']({
        datasetId: set.id,
        label,
        image: barImage(column + (i % spread)),
        strokes: [],
      });
    }
  }
  return set;
}

/** A real, tiny model file pair (flatten → dense 2, classes a and b), seeded. */
export function tinyModelFiles(seed = 1): ModelFiles {
  return writeModel(new Sequential(flatDenseSpec(2), new Rng(seed)), ['a', 'b']);
}

/** Ids of every sample PNG in a set's label folders, wherever it sits (temps left out), sorted. */
export async function samplesOnDisk(dir: string): Promise<string[]> {
  const ids: string[] = [];
  for (const folder of await fs.readdir(dir, { withFileTypes: true })) {
    if (!folder.isDirectory() || isTempName(folder.name)) continue;
    for (const name of await fs.readdir(path.join(dir, folder.name)))
      if (name.endsWith('.png') && !isTempName(name)) ids.push(name.slice(0, -4));
  }
  return ids.sort();
}
