import { describe, expect, it } from 'vitest';
import { parsePattern, patternKind, patternSpans } from './pattern';

describe('parsePattern', () => {
  it('takes A, 0 and ? (any case, spaces around) and refuses anything else clearly', () => {
    expect(parsePattern(' aa00aaa ')).toBe('AA00AAA');
    expect(() => parsePattern('AB12')).toThrow(/use A for a letter, 0 for a digit, \? for either/);
    expect(() => parsePattern('')).toThrow(/pattern ""/);
  });

  it('reads each character of the pattern as its kind', () => {
    expect(['A', '0', '?'].map(patternKind)).toEqual(['letters', 'number', 'mixed']);
  });
});

describe('patternSpans', () => {
  it('splits the atoms into exactly as many characters as the pattern has', () => {
    // Four atoms; merging atoms 1 and 2 scores best, and so does keeping them apart when 4 are asked.
    const score = (i: number, j: number) => (i === 1 && j === 3 ? 0 : j - i === 1 ? -1 : -10);
    expect(patternSpans(4, 3, 3, score)).toEqual([
      [0, 1],
      [1, 3],
      [3, 4],
    ]);
    expect(patternSpans(4, 4, 3, score)).toEqual([
      [0, 1],
      [1, 2],
      [2, 3],
      [3, 4],
    ]);
  });

  it('gives null when the atoms cannot make that many characters', () => {
    expect(patternSpans(2, 3, 3, () => 0)).toBeNull();
    expect(patternSpans(7, 2, 3, () => 0)).toBeNull();
  });
});
