// The trainer reads its data itself, from the paths the core sends: a bundled dataset through the
// datasets loader, or a custom image folder. Returns the training set, the held-out test set and
// the class names. `limit` takes the first N training images (quick runs); the test split stays
// whole, so a model's test figure means the same on Train, in Models and in Compare.

import { splitCustom } from '../../datasets/held-out';
import { readSampleFolders } from '../../datasets/io/image-folder';
import { loadDatasetBytes } from '../../datasets/load';
import { type AnyDataset, type Dataset, pickSamples, range } from '../../engine/batch';
import { Rng } from '../../engine/rng';
import type { TrainerData } from '../shared/trainer-protocol';

export interface JobData {
  /** A bundled set's images stay the stored bytes (a quarter of the memory; batches are gathered as floats). */
  train: AnyDataset;
  test: AnyDataset;
  classes: string[];
  /** Where the test figures come from, for the evaluation record. */
  testSplit: string;
  /** Custom sets: the sample id of each training and test image (in order), for the suspicious-sample check. */
  ids?: { train: string[]; test: string[] };
}

const SAMPLE_SHAPE = [1, 28, 28] as const;

function firstN(dataset: AnyDataset, n: number): AnyDataset {
  if (n >= dataset.labels.length) return dataset;
  return {
    images: dataset.images.subarray(0, n * 784),
    labels: dataset.labels.subarray(0, n),
    sampleShape: dataset.sampleShape,
  };
}

export async function loadJobData(data: TrainerData, testFraction: number, limit?: number): Promise<JobData> {
  if (data.kind === 'bundled') {
    // Full MNIST as floats would be 219 MB (and a float copy beside the bytes while converting): the
    // trainer's peak memory. As bytes it is 55 MB.
    const [train, test] = await Promise.all([
      loadDatasetBytes(data.datasetId, 'train', { dataDir: data.dataDir }),
      loadDatasetBytes(data.datasetId, 'test', { dataDir: data.dataDir }),
    ]);
    return {
      train: firstN(
        { images: train.pixels, labels: train.labels, sampleShape: SAMPLE_SHAPE },
        limit ?? Infinity,
      ),
      test: { images: test.pixels, labels: test.labels, sampleShape: SAMPLE_SHAPE },
      classes: train.classes,
      testSplit: 'test',
    };
  }
  const folder = await readSampleFolders(data.dir, data.classes, data.folders);
  const all = { images: folder.images, labels: folder.labels, sampleShape: SAMPLE_SHAPE };
  const split = splitCustom(folder.labels, testFraction);
  const train = pickSamples(all, split.train);
  return {
    train: limit === undefined ? train : firstN(train, limit),
    test: pickSamples(all, split.test),
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
  const test = await loadDatasetBytes(data.datasetId, 'test', { dataDir: data.dataDir });
  const n = Math.min(count, test.labels.length);
  const labels = Int32Array.from(test.labels.subarray(0, n), (l) => classes.indexOf(test.classes[l]!));
  if (labels.some((l) => l < 0)) return null;
  const images = test.pixels.subarray(0, n * 784);
  return pickSamples({ images, labels, sampleShape: SAMPLE_SHAPE }, range(n));
}

/** A seeded sample of `count` images of a bundled set, relabelled into `classes` (replay when fine-tuning). */
export async function loadReplay(
  data: TrainerData,
  count: number,
  classes: string[],
  seed: number,
): Promise<Dataset> {
  const source =
    data.kind === 'bundled'
      ? await loadDatasetBytes(data.datasetId, 'train', { dataDir: data.dataDir })
      : null;
  if (!source) return { images: new Float32Array(0), labels: new Int32Array(0), sampleShape: SAMPLE_SHAPE };
  const picked: number[] = [];
  const rng = new Rng(seed);
  const n = source.labels.length;
  for (let i = 0; i < Math.min(count, n); i++) {
    const j = rng.int(n);
    if (classes.includes(source.classes[source.labels[j]!]!)) picked.push(j);
  }
  const relabelled = Int32Array.from(source.labels, (l) => classes.indexOf(source.classes[l]!));
  return pickSamples({ images: source.pixels, labels: relabelled, sampleShape: SAMPLE_SHAPE }, picked);
}
