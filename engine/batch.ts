// Datasets as flat typed arrays, and mini-batches gathered from them into reused buffers.

import { sizeOf, type Tensor } from './tensor';

/**
 * N samples stored back to back: images [N, ...sampleShape] and one class index per sample. The images
 * are floats (the default), or the stored bytes (uint8, 255 = 1.0) at a quarter of the memory.
 */
export interface Dataset<Images extends Float32Array | Uint8Array = Float32Array> {
  readonly images: Images;
  readonly labels: Int32Array | Uint8Array;
  /** One sample's shape without the batch dimension, e.g. [784] or [1, 28, 28]. */
  readonly sampleShape: readonly number[];
}

/**
 * A dataset of floats or of bytes: what gathering, training and evaluation take. Batches come out as
 * floats either way, so a model and an augmentation never see the bytes.
 */
export type AnyDataset = Dataset<Float32Array | Uint8Array>;

/**
 * The float of each byte value, byte × (1/255) rounded to float32: the same numbers as converting the
 * whole set up front (datasets/idx.ts `fromBytes`), so a set kept as bytes trains bit for bit alike.
 */
const BYTE_VALUES = Float32Array.from({ length: 256 }, (_, v) => v * (1 / 255));

/** Whether images are stored bytes (by element size, which holds across realms where `instanceof` may not). */
function isBytes(images: Float32Array | Uint8Array): images is Uint8Array {
  return images.BYTES_PER_ELEMENT === 1;
}

/** `count` values of `images` from `from` as floats into `out` at `to` (bytes are scaled to [0, 1]). */
function copyValues(
  images: Float32Array | Uint8Array,
  from: number,
  count: number,
  out: Float32Array,
  to: number,
) {
  if (isBytes(images)) {
    for (let k = 0; k < count; k++) out[to + k] = BYTE_VALUES[images[from + k]];
  } else if (count >= 64) {
    // out.set(images.subarray(...)) allocates a small view per sample, but is a memcpy: for MNIST
    // (784 floats) 68 → ~15 µs per batch of 64 against the element loop (which stays for tiny samples).
    out.set(images.subarray(from, from + count), to);
  } else {
    for (let k = 0; k < count; k++) out[to + k] = images[from + k];
  }
}

/** The dataset with float images: itself when they are floats, else a converted copy. */
export function floatDataset(dataset: AnyDataset): Dataset {
  const { images } = dataset;
  if (!isBytes(images)) return { ...dataset, images };
  const floats = new Float32Array(images.length);
  copyValues(images, 0, images.length, floats, 0);
  return { ...dataset, images: floats };
}

/** The samples at `indices`, in that order, as a new dataset of floats. */
export function pickSamples(dataset: AnyDataset, indices: ArrayLike<number>): Dataset {
  const size = checkDataset(dataset);
  const images = new Float32Array(indices.length * size);
  const labels = new Int32Array(indices.length);
  for (let i = 0; i < indices.length; i++) {
    const j = indices[i];
    copyValues(dataset.images, j * size, size, images, i * size);
    labels[i] = dataset.labels[j];
  }
  return { images, labels, sampleShape: dataset.sampleShape };
}

export interface Batch {
  /** [count, ...sampleShape]; the buffer is reused by the next gather of the same size. */
  readonly x: Tensor;
  /** [count] class indices; reused like `x`. */
  readonly y: Int32Array;
}

export function datasetSize(dataset: AnyDataset): number {
  return dataset.labels.length;
}

/** Checks that images and labels agree in count; returns the size of one sample. */
export function checkDataset(dataset: AnyDataset, name = 'dataset'): number {
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

/**
 * Two datasets with the same sample shape, back to back (the first one itself when the second is empty):
 * bytes when both hold bytes, else floats.
 */
export function concatDatasets<Images extends Float32Array | Uint8Array>(
  a: Dataset<Images>,
  b: Dataset<Images>,
): Dataset<Images>;
export function concatDatasets(a: AnyDataset, b: AnyDataset): AnyDataset;
export function concatDatasets(a: AnyDataset, b: AnyDataset): AnyDataset {
  if (b.labels.length === 0) return a;
  const length = a.images.length + b.images.length;
  let images: Float32Array | Uint8Array;
  if (isBytes(a.images) && isBytes(b.images)) {
    images = new Uint8Array(length);
    images.set(a.images);
    images.set(b.images, a.images.length);
  } else {
    images = new Float32Array(length);
    copyValues(a.images, 0, a.images.length, images, 0);
    copyValues(b.images, 0, b.images.length, images, a.images.length);
  }
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

  constructor(private readonly dataset: AnyDataset) {
    this.sampleSize = checkDataset(dataset);
  }

  gather(indices: Int32Array, start: number, count: number): Batch {
    const batch = this.bufferFor(count);
    const { images, labels } = this.dataset;
    const size = this.sampleSize;
    const out = batch.x.data;
    for (let b = 0; b < count; b++) {
      const sample = indices[start + b];
      copyValues(images, sample * size, size, out, b * size);
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
