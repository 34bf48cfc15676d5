import { describe, expect, it } from 'vitest';
import { Rng } from '../engine/rng';
import { tensor } from '../engine/tensor';
import { Augmenter, augmentBatch, augmentHook, DEFAULT_AUGMENT, NO_AUGMENT, scaleAugment } from './augment';
import { normalizeStrokes, strokesFromPairs } from './normalize';
import { centreOfMass } from './raster';

const GLYPHS = [
  [
    [
      [2, 3],
      [5, 0],
      [9, 3],
      [2, 12],
      [10, 12],
    ],
  ], // 2
  [
    [
      [5, 0],
      [5, 12],
    ],
  ], // 1
  [
    [
      [0, 0],
      [8, 0],
      [3, 12],
    ],
  ], // 7
] as [number, number][][][];

function batch(copies = 2): Float32Array {
  const out = new Float32Array(GLYPHS.length * copies * 784);
  let k = 0;
  for (let c = 0; c < copies; c++) {
    for (const g of GLYPHS) out.set(normalizeStrokes(strokesFromPairs(g)), 784 * k++);
  }
  return out;
}

const mass = (images: Float32Array, k: number) =>
  centreOfMass(images.subarray(784 * k, 784 * (k + 1)), 28, 28).mass;

describe('augmentBatch', () => {
  it('is the identity at zero strength', () => {
    const original = batch();
    for (const options of [
      NO_AUGMENT,
      scaleAugment(DEFAULT_AUGMENT, 0),
      { ...DEFAULT_AUGMENT, probability: 0 },
    ]) {
      const images = original.slice();
      augmentBatch(images, 6, new Rng(1), options);
      expect(images).toEqual(original);
    }
  });

  it('is (numerically) the identity through the resampling path for a vanishing transform', () => {
    const original = batch(1);
    const images = original.slice();
    new Augmenter({ ...NO_AUGMENT, rotation: 1e-9, translate: 1e-9 }).apply(images, 3, new Rng(2));
    let maxDiff = 0;
    for (let i = 0; i < images.length; i++) maxDiff = Math.max(maxDiff, Math.abs(images[i] - original[i]));
    expect(maxDiff).toBeLessThan(1e-6);
  });

  it('keeps values in [0, 1], changes the images, and keeps the glyph', () => {
    const original = batch(4);
    const images = original.slice();
    const strong = { ...DEFAULT_AUGMENT, rotation: 30, elasticAlpha: 60, thickness: 0.5 };
    augmentBatch(images, 12, new Rng(3), strong);
    for (const v of images) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(images).not.toEqual(original);
    for (let k = 0; k < 12; k++) {
      expect(mass(images, k)).toBeGreaterThan(0.3 * mass(original, k));
      expect(mass(images, k)).toBeLessThan(3 * mass(original, k));
    }
  });

  it('is deterministic for a seed and differs across seeds', () => {
    const a = batch();
    const b = batch();
    const c = batch();
    augmentBatch(a, 6, new Rng(42));
    augmentBatch(b, 6, new Rng(42));
    augmentBatch(c, 6, new Rng(43));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('augments only the first `count` images and checks the buffer size', () => {
    const original = batch();
    const images = original.slice();
    augmentBatch(images, 2, new Rng(5));
    expect(images.subarray(2 * 784)).toEqual(original.subarray(2 * 784));
    expect(images.subarray(0, 784)).not.toEqual(original.subarray(0, 784));
    expect(() => augmentBatch(new Float32Array(100), 1, new Rng(1))).toThrow(/need 784, got 100/);
  });

  it('thickens strokes by dilation and thins them by erosion', () => {
    const thickOnly = { ...NO_AUGMENT, thickness: 1 };
    const original = batch(8);
    const images = original.slice();
    augmentBatch(images, 24, new Rng(7), thickOnly);
    let thicker = 0;
    let thinner = 0;
    for (let k = 0; k < 24; k++) {
      if (mass(images, k) > mass(original, k) * 1.05) thicker++;
      if (mass(images, k) < mass(original, k) * 0.95) thinner++;
    }
    expect(thicker).toBeGreaterThan(3);
    expect(thinner).toBeGreaterThan(3);
  });

  it('moves pixels by about the expected elastic displacement', () => {
    // A single bright pixel in the middle: its centre of mass moves by the field's value there.
    const rng = new Rng(11);
    let sum2 = 0;
    const trials = 200;
    const aug = new Augmenter({ ...NO_AUGMENT, elasticAlpha: 34, elasticSigma: 4 });
    for (let t = 0; t < trials; t++) {
      const img = new Float32Array(784);
      img[14 * 28 + 14] = 1;
      aug.apply(img, 1, rng);
      const c = centreOfMass(img, 28, 28);
      sum2 += (c.x - 14) ** 2 + (c.y - 14) ** 2;
    }
    const rms = Math.sqrt(sum2 / trials);
    expect(rms).toBeGreaterThan(0.8);
    expect(rms).toBeLessThan(3);
  });

  it('works as the training loop hook on a [batch, 1, 28, 28] tensor', () => {
    const x = tensor([6, 1, 28, 28], batch());
    const before = x.data.slice();
    const a = augmentHook()(x, new Rng(42));
    expect(a).toBeUndefined();
    const direct = before.slice();
    augmentBatch(direct, 6, new Rng(42));
    expect(x.data).toEqual(direct);
  });
});
