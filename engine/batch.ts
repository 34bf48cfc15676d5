// Datasets as flat typed arrays, and mini-batches gathered from them into reused buffers.

import { sizeOf, type Tensor } from './tensor';

/** N samples stored back to back: images [N, ...sampleShape] and one class index per sample. */
export interface Dataset {
  readonly images: Float32Array;
  readonly labels: Int32Array | Uint8Array;
  /** One sample's shape without the batch dimension, e.g. [784] or [1, 28, 28]. */
  readonly sampleShape: readonly number[];
}

export interface Batch {
  /** [count, ...sampleShape]; the buffer is reused by the next gather of the same size. */
  readonly x: Tensor;
  /** [count] class indices; reused like `x`. */
  readonly y: Int32Array;
}

export function datasetSize(dataset: Dataset): number {
  return dataset.labels.length;
}

/** Checks that images and labels agree in count; returns the size of one sample. */
export function checkDataset(dataset: Dataset, name = 'dataset'): number {
  const sampleSize = sizeOf(dataset.sampleShape);
  if (dataset.images.length !== dataset.labels.length * sampleSize) {
    throw new Error(
      `${name}: ${dataset.labels.length} labels need ${dataset.labels.length * sampleSize} image values ` +
        `([${dataset.sampleShape.join(', ')}] each), got ${dataset.images.length}`,
    );
  }
  return sampleSize;
}

/** Indices 0..n−1. */
export function range(n: number): Int32Array {
  const indices = new Int32Array(n);
  for (let i = 0; i < n; i++) indices[i] = i;
  return indices;
}

/** Two datasets with the same sample shape, back to back (the first one itself when the second is empty). */
export function concatDatasets(a: Dataset, b: Dataset): Dataset {
  if (b.labels.length === 0) return a;
  const images = new Float32Array(a.images.length + b.images.length);
  images.set(a.images);
  images.set(b.images, a.images.length);
  const labels = new Int32Array(a.labels.length + b.labels.length);
  labels.set(a.labels);
  labels.set(b.labels, a.labels.length);
  return { images, labels, sampleShape: a.sampleShape };
}

/**
 * Mini-batches of one dataset: `gather` copies the samples named by `indices[start .. start+count)`
 * into a batch. Two buffers are kept, one for full batches and one for the final short batch, so an
 * epoch allocates nothing per sample.
 */
export class BatchGatherer {
  private readonly sampleSize: number;
  private readonly buffers = new Map<number, Batch>();

  constructor(private readonly dataset: Dataset) {
    this.sampleSize = checkDataset(dataset);
  }

  gather(indices: Int32Array, start: number, count: number): Batch {
    const batch = this.bufferFor(count);
    const { images, labels } = this.dataset;
    const size = this.sampleSize;
    const out = batch.x.data;
    for (let b = 0; b < count; b++) {
      const sample = indices[start + b];
      // out.set(images.subarray(...)) allocates a small view per sample, but is a memcpy: for MNIST
      // (784 floats) 68 → ~15 µs per batch of 64 against the element loop (which stays for tiny samples).
      const from = sample * size;
      const to = b * size;
      if (size >= 64) out.set(images.subarray(from, from + size), to);
      else for (let k = 0; k < size; k++) out[to + k] = images[from + k];
      batch.y[b] = labels[sample];
    }
    return batch;
  }

  private bufferFor(count: number): Batch {
    let batch = this.buffers.get(count);
    if (batch === undefined) {
      if (this.buffers.size >= 2) this.buffers.clear(); // batch sizes changed: drop the old buffers
      batch = {
        x: { shape: [count, ...this.dataset.sampleShape], data: new Float32Array(count * this.sampleSize) },
        y: new Int32Array(count),
      };
      this.buffers.set(count, batch);
    }
    return batch;
  }
}
