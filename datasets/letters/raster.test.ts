import { describe, expect, it } from 'vitest';
import { fillContours } from './raster';

const sum = (a: Float32Array) => a.reduce((s, v) => s + v, 0);

describe('fillContours', () => {
  it('covers a pixel-aligned square exactly', () => {
    const img = fillContours([[2, 2, 6, 2, 6, 6, 2, 6]], 8, 8);
    expect(sum(img)).toBeCloseTo(16, 5);
    expect(img[3 * 8 + 3]).toBe(1);
    expect(img[1 * 8 + 1]).toBe(0);
  });

  it('anti-aliases a half-pixel edge', () => {
    const img = fillContours([[1.5, 0, 4, 0, 4, 4, 1.5, 4]], 5, 4);
    expect(img[1]).toBeCloseTo(0.5, 5);
    expect(sum(img)).toBeCloseTo(10, 5);
  });

  it('leaves a hole wound the other way empty (nonzero rule) and keeps overlaps at 1', () => {
    const outer = [0, 0, 9, 0, 9, 9, 0, 9];
    const hole = [3, 3, 3, 6, 6, 6, 6, 3];
    const img = fillContours([outer, hole], 9, 9);
    expect(img[4 * 9 + 4]).toBe(0);
    expect(sum(img)).toBeCloseTo(81 - 9, 5);
    const twice = fillContours([outer, outer], 9, 9);
    expect(Math.max(...twice)).toBe(1);
    expect(sum(twice)).toBeCloseTo(81, 5);
  });
});
