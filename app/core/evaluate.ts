// Evaluation of a stored model on a dataset's test split (bundled: its test split; custom: the fixed
// held-out fraction), and the images of a split by index (the confusion-matrix drill-down).
// Both run where they are called: in the core's worker thread (work.ts) for main, inline for the CLI.
// An MLP on the 10,000 MNIST test images takes about a second, the letters model on its test split 9 s.

import { splitCustom } from '../../datasets/held-out';
import { fromBytes } from '../../datasets/idx';
import { readSampleFolders } from '../../datasets/io/image-folder';
import { loadDatasetBytes } from '../../datasets/load';
import type { Dataset } from '../../engine/batch';
import { evaluateOn, readModel, SAMPLE_SHAPE } from '../model/engine-model';
import { CoreError } from '../shared/errors';
import type { TrainerData } from '../shared/trainer-protocol';
import type { Evaluation, ModelPayload } from '../shared/types';
import type { DatasetCatalog } from './stores/dataset-catalog';

interface SplitBytes {
  pixels: Uint8Array; // [n, 784], 255 = ink
  labels: Int32Array;
  classes: string[];
}

let cached: { key: string; data: SplitBytes } | null = null;

/** One split of a dataset as bytes (the last bundled split read is kept in memory). */
async function splitBytes(data: TrainerData, split: 'train' | 'test'): Promise<SplitBytes> {
  const id = data.datasetId;
  if (data.kind === 'bundled') {
    const key = `${data.dataDir}|${id}|${split}`;
    if (cached?.key !== key) {
      const raw = await loadDatasetBytes(id, split, { dataDir: data.dataDir });
      cached = { key, data: { pixels: raw.pixels, labels: raw.labels, classes: raw.classes } };
    }
    return cached.data;
  }
  const folder = await readSampleFolders(data.dir, data.classes, data.folders);
  const indices = splitCustom(folder.labels)[split];
  const pixels = new Uint8Array(indices.length * 784);
  indices.forEach((j, i) => {
    pixels.set(folder.images.subarray(j * 784, (j + 1) * 784), i * 784);
  });
  return { pixels, labels: Int32Array.from(indices, (j) => folder.labels[j]!), classes: folder.classes };
}

export async function evaluateModel(
  datasets: DatasetCatalog,
  model: ModelPayload,
  datasetId?: string,
): Promise<Evaluation> {
  return evaluateOnData(await datasets.trainerData(datasetId ?? model.summary.datasetId), model);
}

/** A model's evaluation on the test split of `data` (its dataset's images of the classes the model knows). */
export async function evaluateOnData(data: TrainerData, model: ModelPayload): Promise<Evaluation> {
  const id = data.datasetId;
  const test = await splitBytes(data, 'test');
  if (test.labels.length === 0) {
    throw new CoreError(
      'invalid',
      `the ${id} test split has no images to evaluate on (a custom set holds out every 5th sample of a class)`,
    );
  }
  const classes = model.summary.classes;
  // Dataset labels → the model's output indices; samples of classes the model does not know are left out.
  const toModel = test.classes.map((c) => classes.indexOf(c));
  const keep: number[] = [];
  test.labels.forEach((l, i) => {
    if (toModel[l]! >= 0) keep.push(i);
  });
  if (keep.length === 0) {
    throw new CoreError('invalid', `the ${id} test split has no images of the classes this model knows`);
  }
  const images = new Float32Array(keep.length * 784);
  const labels = new Int32Array(keep.length);
  keep.forEach((j, i) => {
    fromBytes(test.pixels.subarray(j * 784, (j + 1) * 784), images.subarray(i * 784, (i + 1) * 784));
    labels[i] = toModel[test.labels[j]!]!;
  });
  const dataset: Dataset = { images, labels, sampleShape: SAMPLE_SHAPE };
  const evaluation = evaluateOn(readModel(model), dataset, classes, id, 'test');
  // Report indices into the split itself, so `datasets:images` finds them.
  return {
    ...evaluation,
    misclassified: evaluation.misclassified.map((m) => ({ ...m, index: keep[m.index]! })),
  };
}

export async function datasetImages(
  datasets: DatasetCatalog,
  id: string,
  split: 'train' | 'test',
  indices: number[],
): Promise<{ images: Uint8Array; labels: string[] }> {
  return imagesOf(await datasets.trainerData(id), split, indices);
}

/** Images of a split by index, grey bytes n×784, with their labels. */
export async function imagesOf(
  source: TrainerData,
  split: 'train' | 'test',
  indices: number[],
): Promise<{ images: Uint8Array; labels: string[] }> {
  const id = source.datasetId;
  const data = await splitBytes(source, split);
  const count = data.labels.length;
  const images = new Uint8Array(indices.length * 784);
  const labels: string[] = [];
  indices.forEach((j, i) => {
    if (j >= count)
      throw new CoreError('invalid', `index ${j} is past the end of ${id} ${split} (${count} images)`);
    images.set(data.pixels.subarray(j * 784, (j + 1) * 784), i * 784);
    labels.push(data.classes[data.labels[j]!]!);
  });
  return { images, labels };
}
