import { describe, expect, it } from 'vitest';
import { TWO } from './glyph-fixtures';
import { normalizeStrokes, type Stroke, strokesFromPairs } from './normalize';
import { recordingGrid, smoothPolyline, smoothStaircases } from './stroke-smooth';

/** A circle of radius r traced densely, as a pen moves. */
function circle(r: number, cx = 0, cy = 0, n = 400): [number, number][] {
  return Array.from({ length: n + 1 }, (_, i): [number, number] => {
    const t = (2 * Math.PI * i) / n;
    return [cx + r * Math.cos(t), cy + r * Math.sin(t)];
  });
}

/** What a tablet with a grid of `step` records for a path: each cell it enters, once. */
function record(path: [number, number][], step: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [x, y] of path) {
    const p: [number, number] = [Math.round(x / step) * step, Math.round(y / step) * step];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

function meanAbsDiff(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}

describe('recordingGrid', () => {
  it('finds the grid of a staircase, at any scale', () => {
    expect(recordingGrid(strokesFromPairs([record(circle(9), 1)]))).toBe(1);
    expect(recordingGrid(strokesFromPairs([record(circle(90), 10)]))).toBe(10);
  });

  it('is 0 for points off any grid (a canvas drawing in fractional pixels)', () => {
    expect(recordingGrid(strokesFromPairs([circle(9)]))).toBe(0);
  });

  it('is 0 for a few key points joined by long segments, even on whole numbers', () => {
    expect(recordingGrid(strokesFromPairs(TWO))).toBe(0);
  });

  it('is 0 for too few points and for non-finite ones', () => {
    expect(recordingGrid(strokesFromPairs([[[0, 0]]]))).toBe(0);
    expect(recordingGrid([])).toBe(0);
    const bad: Stroke[] = [
      { points: [...record(circle(9), 1).map(([x, y]) => ({ x, y })), { x: Number.NaN, y: 0 }] },
    ];
    expect(recordingGrid(bad)).toBe(0);
  });
});

describe('smoothStaircases', () => {
  it('leaves fine-grid input alone (returns the same array)', () => {
    // A glyph 300 px across drawn in whole pixels: the grid is 1/300 of it, finer than the threshold.
    const strokes = strokesFromPairs([record(circle(150), 1)]);
    expect(smoothStaircases(strokes, 300)).toBe(strokes);
    const smooth = strokesFromPairs([circle(9)]);
    expect(smoothStaircases(smooth, 18)).toBe(smooth);
  });

  it('keeps the ends of each stroke', () => {
    const path = record(
      Array.from({ length: 200 }, (_, i): [number, number] => [i / 10, 5 * Math.sin(i / 30)]),
      1,
    );
    const [out] = smoothStaircases(strokesFromPairs([path]), 20);
    expect(out.points[0]).toEqual({ x: path[0][0], y: path[0][1] });
    const last = path[path.length - 1];
    expect(out.points[out.points.length - 1]).toEqual({ x: last[0], y: last[1] });
  });

  it('turns a coarse staircase back into nearly the shape the pen drew', () => {
    // A circle 18 units across recorded on a unit grid, as the coarsest UNIPEN tablets record a letter.
    const truth = normalizeStrokes(strokesFromPairs([circle(9)]));
    const coarse = strokesFromPairs([record(circle(9), 1)]);
    const smoothed = smoothStaircases(coarse, 18);
    expect(smoothed).not.toBe(coarse);
    // What normalizeStrokes renders now vs the staircase rendered as recorded (points off the grid
    // by a hair, so it is not recognized and smoothed).
    const rendered = normalizeStrokes(coarse);
    const jittered = coarse.map((s) => ({
      points: s.points.map((p, i) => ({ x: p.x + (i % 2) * 1e-3, y: p.y })),
    }));
    const raw = normalizeStrokes(jittered);
    expect(meanAbsDiff(rendered, truth)).toBeLessThan(0.6 * meanAbsDiff(raw, truth));
  });
});

describe('smoothPolyline', () => {
  it('returns short polylines unchanged (copies)', () => {
    const p = [
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ];
    const out = smoothPolyline(p, 1, 0.3);
    expect(out).toEqual(p);
    expect(out).not.toBe(p);
  });

  it('keeps a straight line straight', () => {
    const p = Array.from({ length: 20 }, (_, i) => ({ x: i, y: 2 * i }));
    for (const q of smoothPolyline(p, 1, 0.3)) expect(q.y).toBeCloseTo(2 * q.x, 9);
  });
});
