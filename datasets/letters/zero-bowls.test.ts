import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import { inkBounds } from '../raster';
import { letterFromZero } from './zero-bowls';

/** A hand-drawn-like zero: an upright ellipse ring, 12 × 18 px, in 28×28. */
function ringZero(): Float32Array {
  const img = new Float32Array(784);
  for (let y = 0; y < 28; y++)
    for (let x = 0; x < 28; x++) {
      const r = Math.hypot((x - 13.5) / 6, (y - 13.5) / 9);
      img[y * 28 + x] = Math.max(0, 1 - Math.abs(r - 0.85) * 6);
    }
  return img;
}

function bounds(img: Float32Array) {
  const b = inkBounds(img, 28, 28, 0.2);
  if (b === null) throw new Error('no ink');
  return { w: b.x1 - b.x0, h: b.y1 - b.y0, x0: b.x0, x1: b.x1 };
}

/** Share of the ink in the left half of the glyph's box. */
function leftShare(img: Float32Array): number {
  const b = bounds(img);
  const mid = (b.x0 + b.x1) / 2;
  let left = 0;
  let all = 0;
  for (let y = 0; y < 28; y++)
    for (let x = 0; x < 28; x++) {
      all += img[y * 28 + x];
      if (x + 0.5 < mid) left += img[y * 28 + x];
    }
  return left / all;
}

describe('letterFromZero', () => {
  it('is seeded: the same Rng state gives the same image, in [0, 1]', () => {
    const a = letterFromZero(ringZero(), 'a', new Rng(3));
    const b = letterFromZero(ringZero(), 'a', new Rng(3));
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(a.length).toBe(784);
    for (const v of a) expect(v >= 0 && v <= 1).toBe(true);
  });

  it('makes an a about as wide as tall, and d, q, g, b, p tall with the bowl at one end', () => {
    for (let s = 0; s < 5; s++) {
      const a = bounds(letterFromZero(ringZero(), 'a', new Rng(s)));
      expect(a.h / a.w).toBeLessThan(1.4);
      for (const l of ['d', 'q', 'g', 'b', 'p'] as const) {
        const t = bounds(letterFromZero(ringZero(), l, new Rng(s)));
        expect(t.h / t.w).toBeGreaterThan(1.4);
      }
    }
  });

  it('puts the stem of b and p on the left, of a, d and q on the right', () => {
    const z = ringZero();
    for (let s = 0; s < 5; s++) {
      expect(leftShare(letterFromZero(z, 'b', new Rng(s)))).toBeGreaterThan(0.5);
      expect(leftShare(letterFromZero(z, 'p', new Rng(s)))).toBeGreaterThan(0.5);
      expect(leftShare(letterFromZero(z, 'd', new Rng(s)))).toBeLessThan(0.5);
      expect(leftShare(letterFromZero(z, 'q', new Rng(s)))).toBeLessThan(0.5);
    }
  });

  it('refuses a zero with no ink', () => {
    expect(() => letterFromZero(new Float32Array(784), 'a', new Rng(1))).toThrow(/no ink/);
  });
});
