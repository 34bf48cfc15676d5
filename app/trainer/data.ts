// The trainer reads its data itself, from the paths the core sends: a bundled dataset through the
// datasets loader, or a custom image folder. Returns the training set, the held-out test set and
// the class names. `limit` takes the first N training images (quick runs); the test split stays
// whole, so a model's test figure means the same on Train, in Models and in Compare.

import { splitCustom } from '../../datasets/held-out';
import { fromBytes } from '../../datasets/idx';
import { readSampleFolders } from '../../datasets/io/image-folder';
import { loadDataset } from '../../datasets/load';
import type { Dataset } from '../../engine/batch';
import { Rng } from '../../engine/rng';
import type { TrainerData } from '../shared/trainer-protocol';

export interface JobData {
  train: Dataset;
  test: Dataset;
  classes: string[];
  /** Where the test figures come from, for the evaluation record. */
  testSplit: string;
  /** Custom sets: the sample id of each training and test image (in order), for the suspicious-sample check. */
  ids?: { train: string[]; test: string[] };
}

const SAMPLE_SHAPE = [1, 28, 28] as const;

function subset(images: Float32Array, labels: Int32Array, indices: ArrayLike<number>): Dataset {
  const out = new Float32Array(indices.length * 784);
  const y = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i]!;
    out.set(images.subarray(j * 784, (j + 1) * 784), i * 784);
    y[i] = labels[j]!;
  }
  return { images: out, labels: y, sampleShape: SAMPLE_SHAPE };
}

function firstN(dataset: Dataset, n: number): Dataset {
  if (n >= dataset.labels.length) return dataset;
  return {
    images: dataset.images.subarray(0, n * 784),
    labels: dataset.labels.subarray(0, n),
    sampleShape: dataset.sampleShape,
  };
}

export async function loadJobData(data: TrainerData, testFraction: number, limit?: number): Promise<JobData> {
  if (data.kind === 'bundled') {
    const [train, test] = await Promise.all([
      loadDataset(data.datasetId, 'train', { dataDir: data.dataDir }),
      loadDataset(data.datasetId, 'test', { dataDir: data.dataDir }),
    ]);
    const testSet = { images: test.images, labels: test.labels, sampleShape: SAMPLE_SHAPE };
    return {
      train: firstN(
        { images: train.images, labels: train.labels, sampleShape: SAMPLE_SHAPE },
        limit ?? Infinity,
      ),
      test: testSet,
      classes: train.classes,
      testSplit: 'test',
    };
  }
  const folder = await readSampleFolders(data.dir, data.classes, data.folders);
  const images = fromBytes(folder.images);
  const split = splitCustom(folder.labels, testFraction);
  const train = subset(images, folder.labels, split.train);
  return {
    train: limit === undefined ? train : firstN(train, limit),
    test: subset(images, folder.labels, split.test),
    classes: data.classes,
    testSplit: 'test',
    ids: {
      train: Array.from(split.train, (i) => folder.ids[i]!).slice(0, limit ?? Infinity),
      test: Array.from(split.test, (i) => folder.ids[i]!),
    },
  };
}

/** The first `count` images of a bundled set's test split, relabelled into `classes` (before/after figures). */
export async function loadBaseTest(
  data: TrainerData,
  count: number,
  classes: string[],
): Promise<Dataset | null> {
  if (data.kind !== 'bundled') return null;
  const test = await loadDataset(data.datasetId, 'test', { dataDir: data.dataDir });
  const n = Math.min(count, test.labels.length);
  const labels = Int32Array.from(test.labels.subarray(0, n), (l) => classes.indexOf(test.classes[l]!));
  if (labels.some((l) => l < 0)) return null;
  return { images: test.images.subarray(0, n * 784), labels, sampleShape: SAMPLE_SHAPE };
}

/** A seeded sample of `count` images of a bundled set, relabelled into `classes` (replay when fine-tuning). */
export async function loadReplay(
  data: TrainerData,
  count: number,
  classes: string[],
  seed: number,
): Promise<Dataset> {
  const source =
    data.kind === 'bundled' ? await loadDataset(data.datasetId, 'train', { dataDir: data.dataDir }) : null;
  if (!source) return { images: new Float32Array(0), labels: new Int32Array(0), sampleShape: SAMPLE_SHAPE };
  const picked: number[] = [];
  const rng = new Rng(seed);
  const n = source.labels.length;
  for (let i = 0; i < Math.min(count, n); i++) {
    const j = rng.int(n);
    if (classes.includes(source.classes[source.labels[j]!]!)) picked.push(j);
  }
  const relabelled = Int32Array.from(source.labels, (l) => classes.indexOf(source.classes[l]!));
  return subset(source.images, relabelled, picked);
}
