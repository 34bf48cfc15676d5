// The trainer's data on the real bundled MNIST: kept as the stored bytes (the trainer's peak memory,
// issue 17), and gathered into exactly the floats the float loader gives.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../datasets/load';
import { BatchGatherer, range } from '../../engine/batch';
import type { TrainerData } from '../shared/trainer-protocol';
import { loadBaseTest, loadJobData } from './data';

const MNIST: TrainerData = {
  kind: 'bundled',
  datasetId: 'mnist',
  dataDir: path.resolve(import.meta.dirname, '../../datasets/data'),
};

const sameBits = (a: Float32Array, b: Float32Array) =>
  a.length === b.length &&
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('loadJobData on a bundled set', () => {
  it('keeps the images as the stored bytes: 47 MB for MNIST train, not 188 MB of floats', async () => {
    const data = await loadJobData(MNIST, 0);
    expect(data.train.images).toBeInstanceOf(Uint8Array);
    expect(data.train.images.byteLength).toBe(60_000 * 784);
    expect(data.test.images).toBeInstanceOf(Uint8Array);
    expect(data.test.labels.length).toBe(10_000);
  });

  it('gathers every test image into the same floats, bit for bit, as loading the split as floats', async () => {
    const [data, floats] = await Promise.all([
      loadJobData(MNIST, 0),
      loadDataset('mnist', 'test', { dataDir: MNIST.dataDir }),
    ]);
    const n = data.test.labels.length;
    const batch = new BatchGatherer(data.test).gather(range(n), 0, n);
    expect(sameBits(batch.x.data, floats.images)).toBe(true);
    expect([...batch.y]).toEqual([...floats.labels]);
  });

  it('takes the first `limit` training images', async () => {
    const data = await loadJobData(MNIST, 0, 100);
    expect(data.train.labels.length).toBe(100);
    expect(data.train.images.length).toBe(100 * 784);
  });
});

describe('loadBaseTest', () => {
  it('gives the first test images as the float loader does', async () => {
    const [base, floats] = await Promise.all([
      loadBaseTest(MNIST, 300, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']),
      loadDataset('mnist', 'test', { dataDir: MNIST.dataDir }),
    ]);
    expect(sameBits(base!.images, floats.images.subarray(0, 300 * 784))).toBe(true);
  });
});
