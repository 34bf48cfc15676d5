import { describe, expect, it } from 'vitest';
import { applyAffine, boundsOf, flattenPath } from './outline';

describe('flattenPath', () => {
  it('keeps line contours and closes them at moveTo / closePath', () => {
    const c = flattenPath([
      { command: 'moveTo', args: [0, 0] },
      { command: 'lineTo', args: [10, 0] },
      { command: 'lineTo', args: [10, 10] },
      { command: 'closePath', args: [] },
      { command: 'moveTo', args: [20, 0] },
      { command: 'lineTo', args: [30, 0] },
      { command: 'lineTo', args: [30, 5] },
    ]);
    expect(c).toEqual([
      [0, 0, 10, 0, 10, 10],
      [20, 0, 30, 0, 30, 5],
    ]);
  });

  it('flattens curves through their end points and stays inside the control hull', () => {
    const [q] = flattenPath([
      { command: 'moveTo', args: [0, 0] },
      { command: 'quadraticCurveTo', args: [5, 10, 10, 0] },
      { command: 'bezierCurveTo', args: [10, -5, 0, -5, 0, 0] },
    ]);
    expect(q.slice(-2)).toEqual([0, 0]);
    const b = boundsOf([q]);
    expect(b.y1).toBeCloseTo(5, 5); // quadratic apex: half the control height
    expect(b.y0).toBeCloseTo(-3.75, 5); // cubic apex: 3/4 of the control depth
  });
});

describe('applyAffine', () => {
  it('maps points by x·a + y·b + c, x·d + y·e + f', () => {
    expect(applyAffine([[1, 2]], { a: 2, b: 1, c: 3, d: 0, e: -1, f: 1 })).toEqual([[7, -1]]);
  });
});
