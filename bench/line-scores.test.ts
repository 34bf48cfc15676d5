import { describe, expect, it } from 'vitest';
import { editDistance, LineScore, matchedBoxes } from './line-scores';

const box = (x0: number, x1: number) => ({ x0, x1, y0: 0, y1: 10 });

describe('line scores', () => {
  it('counts edits', () => {
    expect(editDistance('12345', '12345')).toBe(0);
    expect(editDistance('1234', '12345')).toBe(1);
    expect(editDistance('AB12CDE', 'A812CDE')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });

  it('matches boxes one to one at IoU ≥ 0.5', () => {
    expect(matchedBoxes([box(0, 10), box(20, 30)], [box(1, 10), box(20, 29)])).toBe(2);
    // One wide box over two characters matches neither well enough.
    expect(matchedBoxes([box(0, 30)], [box(0, 10), box(20, 30)])).toBe(0);
    // Two found boxes on one true box: it is used once.
    expect(matchedBoxes([box(0, 10), box(1, 10)], [box(0, 10)])).toBe(1);
  });

  it('adds up exact lines, the character error rate and boxes', () => {
    const s = new LineScore();
    s.add('12345', '12345', [box(0, 10)], [box(0, 10)]);
    s.add('THe', 'the', [], [box(0, 10)], (t) => t.toLowerCase());
    s.add('1234', '12345', [], []);
    expect([s.exact, s.edits, s.characters]).toEqual([2, 1, 13]);
    expect(s.exactRate).toBeCloseTo(2 / 3);
    expect(s.cer).toBeCloseTo(1 / 13);
    expect(s.boxes).toBe(1);
  });
});
