import { describe, expect, it } from 'vitest';
import { leanTowardsNeighbours, NEIGHBOUR_LEAN, restrictToKind } from './context';

const CLASSES = ['0', '1', 'O', 'I', 'A'];

describe('restrictToKind', () => {
  it('keeps only digits in a number, only letters in a word, everything in a mixed code', () => {
    const p = [0.1, 0.1, 0.5, 0.2, 0.1];
    expect([...restrictToKind(p, CLASSES, 'number')]).toEqual([0.5, 0.5, 0, 0, 0]);
    const letters = restrictToKind(p, CLASSES, 'letters');
    expect(letters[2]).toBeCloseTo(0.625);
    expect(letters[0]).toBe(0);
    expect([...restrictToKind(p, CLASSES, 'mixed')]).toEqual(p.map((v) => Math.fround(v) && v));
  });

  it('keeps everything when the model has no class of that kind (a digits model on a word)', () => {
    expect([...restrictToKind([0.3, 0.7], ['0', '1'], 'letters')]).toEqual([0.3, 0.7]);
  });
});

describe('leanTowardsNeighbours', () => {
  const p = Float64Array.from([0.3, 0, 0.6, 0, 0.1]);

  it('weights the digit of a pair between two digits, the letter between two letters', () => {
    const d = leanTowardsNeighbours(p, CLASSES, '3', '7');
    expect(d[0] / d[2]).toBeCloseTo((0.3 * NEIGHBOUR_LEAN) / 0.6);
    expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    const digitFirst = Float64Array.from([0.6, 0, 0.3, 0, 0.1]);
    const l = leanTowardsNeighbours(digitFirst, CLASSES, 'A', 'K');
    expect(l[2]).toBeGreaterThan(l[0]);
  });

  it('leaves alone a character at a line end, between mixed neighbours, or outside the pairs', () => {
    expect(leanTowardsNeighbours(p, CLASSES, undefined, '7')).toBe(p);
    expect(leanTowardsNeighbours(p, CLASSES, 'A', '7')).toBe(p);
    const a = Float64Array.from([0.1, 0, 0.1, 0, 0.8]);
    expect(leanTowardsNeighbours(a, CLASSES, '1', '2')).toBe(a);
    expect(leanTowardsNeighbours(Float64Array.from([1, 0]), ['0', '1'], '1', '2')).toEqual(
      Float64Array.from([1, 0]),
    );
  });
});
