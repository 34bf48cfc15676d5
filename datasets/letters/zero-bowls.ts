// Small letters built around a real handwritten bowl: MNIST's zeros are ovals written by real hands,
// and the bowl of a one-storey `a`, of `d`, `q`, `g`, `b` and `p` is the same oval at x-height. A zero
// is squeezed to a bowl's proportions, a pen stem (with the tail or hook of its letter) is drawn
// beside it at the zero's own pen width, and the whole enters through normalizeImage, as an
// imported image does. Seeded; pure (browser-safe).

import type { Rng } from '../../engine/rng';
import { bilinear } from '../augment';
import { normalizeImage } from '../normalize';
import { inkBounds } from '../raster';
import { rasterizePolylines } from '../stroke-raster';

/** The letters a bowl can make, with their case-merged class. */
export const BOWL_LETTERS = ['a', 'd', 'q', 'g', 'b', 'p'] as const;
export type BowlLetter = (typeof BOWL_LETTERS)[number];

/** Upsampling of the 28×28 zero before composing, so the stem is drawn finer than a pixel. */
const UP = 3;

/**
 * One letter from one zero (784 values in [0, 1], ink = 1): the zero cropped and resampled to a bowl
 * of width/height 0.8–1.15, a stem drawn beside it, normalized. Returns 784 values (soften 0: the
 * training batch augmentation softens).
 */
export function letterFromZero(zero: Float32Array, letter: BowlLetter, rng: Rng): Float32Array {
  const b = inkBounds(zero, 28, 28, 0.1);
  if (b === null) throw new Error('letterFromZero: the zero has no ink');
  const zw = b.x1 - b.x0;
  const zh = b.y1 - b.y0;
  // Bowl size in composed pixels: height 10 (× UP), width by the sampled aspect.
  const bh = 10 * UP;
  const bw = bh * rng.uniform(0.8, 1.15);
  // The zero's pen, scaled like its height.
  const pen = 1.2 * penWidth(zero) * (bh / zh);
  const stemUp = letter === 'd' || letter === 'b';
  const stemDown = letter === 'q' || letter === 'g' || letter === 'p';
  const reach = bh * rng.uniform(0.8, 1.3);
  const margin = Math.ceil(pen) + 2;
  const W = Math.ceil(bw + bh) + 2 * margin;
  const top = margin + (stemUp ? reach : 0);
  const H = Math.ceil(top + bh + (stemDown ? reach + bh * 0.3 : bh * 0.3)) + margin;
  const left = margin + (letter === 'b' || letter === 'p' ? bh * 0.1 : 0);
  const canvas = new Float32Array(W * H);
  // The bowl: bilinear resample of the zero's ink box into [left, left + bw] × [top, top + bh].
  for (let y = 0; y < H; y++) {
    const sy = b.y0 + ((y + 0.5 - top) / bh) * zh - 0.5;
    if (sy < b.y0 - 1 || sy > b.y1) continue;
    for (let x = 0; x < W; x++) {
      const sx = b.x0 + ((x + 0.5 - left) / bw) * zw - 0.5;
      if (sx < b.x0 - 1 || sx > b.x1) continue;
      canvas[y * W + x] = bilinear(zero, 28, sx, sy);
    }
  }
  // The stem, on the right of the bowl (a, d, q, g) or on its left (b, p), touching it.
  const inset = pen * rng.uniform(0.2, 0.6);
  const sx = letter === 'b' || letter === 'p' ? left + inset : left + bw - inset;
  const lean = rng.uniform(-0.08, 0.08) * bh;
  const y0 = stemUp ? top - reach : top + bh * rng.uniform(-0.1, 0.15);
  const y1 = stemDown ? top + bh + reach : top + bh;
  const stem: number[] = [sx + lean, y0, sx, y1];
  if (letter === 'g') {
    // The descender hooks back to the left.
    const hook = bh * rng.uniform(0.4, 0.8);
    stem.push(sx - hook * 0.35, y1 + bh * 0.2, sx - hook, y1 + bh * 0.05);
  } else if ((letter === 'a' || letter === 'd') && rng.next() < 0.5) {
    // An exit tail, as joined-up writers end an `a` or a `d`.
    stem.push(sx + bh * 0.12, y1 + bh * 0.08, sx + bh * rng.uniform(0.25, 0.45), y1 - bh * 0.05);
  } else if (letter === 'q' && rng.next() < 0.4) {
    stem.push(sx + bh * rng.uniform(0.15, 0.3), y1 - bh * 0.15);
  }
  const strokes = new Float32Array(W * H);
  rasterizePolylines([stem], strokes, W, H, { width: pen, supersample: 2 });
  for (let i = 0; i < canvas.length; i++) canvas[i] = Math.max(canvas[i], strokes[i]);
  return normalizeImage(canvas, W, H, { soften: 0 });
}

/** A pen width estimate in pixels: ink mass over half the length of the ink's outline. */
function penWidth(img: ArrayLike<number>): number {
  let mass = 0;
  let edges = 0;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = img[y * 28 + x] >= 0.5 ? 1 : 0;
      mass += img[y * 28 + x];
      const r = x + 1 < 28 && img[y * 28 + x + 1] >= 0.5 ? 1 : 0;
      const d = y + 1 < 28 && img[(y + 1) * 28 + x] >= 0.5 ? 1 : 0;
      edges += Math.abs(v - r) + Math.abs(v - d);
    }
  }
  return edges > 0 ? Math.min(4, Math.max(1.5, (2 * mass) / edges)) : 2.5;
}
