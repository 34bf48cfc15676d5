import { describe, expect, it } from 'vitest';
import type { Box } from './box';
import { smallLetters, withCase } from './letter-case';

const box = (x0: number, y0: number, y1: number): Box => ({ x0, x1: x0 + 50, y0, y1 });

describe('smallLetters', () => {
  it('finds letters whose top sits well under the capital line: x-height letters and descenders', () => {
    // "Hag": capital, x-height, descender.
    expect(smallLetters([box(0, 0, 100), box(80, 45, 100), box(160, 45, 140), box(240, 2, 100)])).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });

  it('follows a sloping line: a capital lower down the slope is still a capital', () => {
    const boxes = [box(0, 0, 100), box(200, 20, 120), box(400, 40, 140), box(600, 60, 160)];
    expect(smallLetters(boxes)).toEqual([false, false, false, false]);
  });

  it('shows no case without two tall characters to set the capital line', () => {
    expect(smallLetters([box(0, 0, 100), box(80, 45, 100)])).toEqual([false, false]);
    expect(smallLetters([])).toEqual([]);
  });

  it('lowers only what has a lower case', () => {
    expect(withCase('A', true)).toBe('a');
    expect(withCase('7', true)).toBe('7');
    expect(withCase('A', false)).toBe('A');
  });
});
