import { describe, expect, it } from 'vitest';
import { EPOCH_INCREMENTS, epochRange, fitAccuracyRange, MIN_ACCURACY_SPAN } from './chart-range';

describe('fitAccuracyRange', () => {
  it('fits 92 % and 95 % instead of pinning them under a 100 % ceiling', () => {
    const [lo, hi] = fitAccuracyRange([0.92, 0.95, null]);
    expect(lo).toBeGreaterThan(0.85);
    expect(lo).toBeLessThanOrEqual(0.92);
    expect(hi).toBeGreaterThanOrEqual(0.95);
    expect(hi).toBeLessThanOrEqual(1);
    // 92 → 95 fills most of the axis, not a twentieth of it.
    expect((0.95 - 0.92) / (hi - lo)).toBeGreaterThan(0.4);
  });

  it('keeps a minimum span for one value or a flat run, inside 0–1', () => {
    const [lo, hi] = fitAccuracyRange([0.99]);
    expect(hi - lo).toBeGreaterThanOrEqual(MIN_ACCURACY_SPAN - 1e-9);
    expect(hi).toBeLessThanOrEqual(1);
    expect(lo).toBeLessThanOrEqual(0.99);
    const [lo2, hi2] = fitAccuracyRange([0.01, 0.01]);
    expect(lo2).toBe(0);
    expect(hi2 - lo2).toBeGreaterThanOrEqual(MIN_ACCURACY_SPAN - 1e-9);
  });

  it('spans a wide run whole and shows 0–1 with no data', () => {
    expect(fitAccuracyRange([0.1, 0.98])).toEqual([0, 1]);
    expect(fitAccuracyRange([])).toEqual([0, 1]);
    expect(fitAccuracyRange([Number.NaN, null])).toEqual([0, 1]);
  });
});

describe('epochRange', () => {
  it('runs from 0 to the planned epochs, and past them only if more were seen', () => {
    expect(epochRange(3, 0)).toEqual([0, 3]);
    expect(epochRange(3, 1.4)).toEqual([0, 3]);
    expect(epochRange(undefined, 4.2)).toEqual([0, 5]);
    expect(epochRange(undefined, 0)).toEqual([0, 1]);
  });

  it('offers whole-number tick steps only', () => {
    expect(EPOCH_INCREMENTS.every(Number.isInteger)).toBe(true);
  });
});
