// Checks shared by the tests of the two pen-form generators (digits, letters): what either promises of
// the set it generates. Test code only.

import { expect } from 'vitest';

interface FormsSet {
  readonly images: Float32Array;
  readonly labels: Int32Array;
  readonly count: number;
}

/**
 * Generates `perClass` images of each of `classes` classes with seed 5, twice, and with seed 6: the set
 * is balanced, the same for the same seed and not for another, and every image is inked and in [0, 1].
 * Returns the seed-5 set for the caller's own checks.
 */
export function expectSeededBalancedSet(
  generate: (opts: { perClass: number; seed: number }) => FormsSet,
  classes: number,
  perClass: number,
): FormsSet {
  const a = generate({ perClass, seed: 5 });
  const b = generate({ perClass, seed: 5 });
  expect(a.count).toBe(classes * perClass);
  expect(a.images.length).toBe(classes * perClass * 784);
  expect(Array.from(a.images)).toEqual(Array.from(b.images));
  expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
  const counts = new Array(classes).fill(0);
  for (const l of a.labels) counts[l]++;
  expect(counts).toEqual(new Array(classes).fill(perClass));
  for (let k = 0; k < a.count; k++) {
    let ink = 0;
    for (const v of a.images.subarray(k * 784, (k + 1) * 784)) {
      expect(v >= 0 && v <= 1).toBe(true);
      ink += v;
    }
    expect(ink).toBeGreaterThan(20);
  }
  const other = generate({ perClass, seed: 6 });
  expect(Array.from(other.images)).not.toEqual(Array.from(a.images));
  return a;
}
