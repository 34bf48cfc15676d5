import { describe, expect, it } from 'vitest';
import { boxIou, median, quantile, unionBoxes, xOverlap } from './box';

describe('box', () => {
  it('unions, overlaps and compares boxes', () => {
    const a = { x0: 0, y0: 0, x1: 10, y1: 10 };
    const c = { x0: 5, y0: 5, x1: 20, y1: 8 };
    expect(unionBoxes([a, c])).toEqual({ x0: 0, y0: 0, x1: 20, y1: 10 });
    expect(xOverlap(a, c)).toBe(5);
    expect(xOverlap(a, { ...c, x0: 12 })).toBe(0);
    expect(boxIou(a, a)).toBe(1);
    expect(boxIou(a, { x0: 0, y0: 0, x1: 10, y1: 5 })).toBeCloseTo(0.5);
    expect(() => unionBoxes([])).toThrow(/no boxes/);
  });

  it('takes medians and quantiles of unsorted values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBe(0);
    expect(quantile([5, 1, 4, 2, 3], 0.8)).toBe(4);
  });
});
