// Staircase removal for strokes recorded on a coarse grid. A low-resolution tablet (two of the
// UNIPEN donors record a letter in 10–20 units) or a small drawing in whole screen pixels traces
// every curve as a staircase of unit steps; scaled up to the 20-pixel box those steps become corners
// that no pen made (a round `o` turns octagonal and reads as `D`). When the points sit on a grid
// that is coarse for the glyph's size and follow each other a grid step or so apart, each stroke is
// resampled along its length and smoothed with a Gaussian of one grid step, ends kept in place.
// Strokes that are not such staircases (a canvas drawing in fractional pixels, a few key points
// joined by long segments) come back unchanged. Browser-safe and pure.

import type { Stroke, StrokePoint } from './normalize';

/** A staircase is smoothed only when one grid step is more than this fraction of the glyph's extent. */
export const COARSE_GRID = 1 / 80;
/** Gaussian sigma, in grid steps. */
const SIGMA_STEPS = 1;
/** Resampling spacing, in grid steps. */
const SPACING_STEPS = 1 / 3;

/**
 * The recording grid of the strokes' points: the smallest non-zero step between consecutive points
 * along either axis, when every coordinate lies on that grid and consecutive points are at most about
 * a step apart (median segment ≤ 1.5 steps along each axis); otherwise 0 (no grid, or points too
 * sparse for the path to be a staircase).
 */
export function recordingGrid(strokes: readonly Stroke[]): number {
  let q = Number.POSITIVE_INFINITY;
  let ox = Number.NaN;
  let oy = Number.NaN;
  const steps: number[] = [];
  for (const s of strokes) {
    const p = s.points;
    for (let i = 0; i < p.length; i++) {
      if (!Number.isFinite(p[i].x) || !Number.isFinite(p[i].y)) return 0;
      if (Number.isNaN(ox)) {
        ox = p[i].x;
        oy = p[i].y;
      }
      if (i === 0) continue;
      const dx = Math.abs(p[i].x - p[i - 1].x);
      const dy = Math.abs(p[i].y - p[i - 1].y);
      if (dx > 0 && dx < q) q = dx;
      if (dy > 0 && dy < q) q = dy;
      if (dx > 0 || dy > 0) steps.push(Math.max(dx, dy));
    }
  }
  if (!Number.isFinite(q) || steps.length < 4) return 0;
  steps.sort((a, b) => a - b);
  if (steps[steps.length >> 1] > 1.5 * q) return 0;
  const tol = 1e-6 * q;
  for (const s of strokes) {
    for (const pt of s.points) {
      const fx = (pt.x - ox) / q;
      const fy = (pt.y - oy) / q;
      if (Math.abs(fx - Math.round(fx)) * q > tol || Math.abs(fy - Math.round(fy)) * q > tol) return 0;
    }
  }
  return q;
}

/**
 * Strokes with their recording staircase smoothed away (see the file comment), or the same array
 * when there is nothing to smooth. `extent` is the glyph's longer side in input units.
 */
export function smoothStaircases(strokes: readonly Stroke[], extent: number): readonly Stroke[] {
  const q = recordingGrid(strokes);
  if (q === 0 || q <= COARSE_GRID * extent) return strokes;
  return strokes.map((s) => ({ points: smoothPolyline(s.points, SIGMA_STEPS * q, SPACING_STEPS * q) }));
}

/**
 * A polyline resampled every `spacing` along its length and smoothed by a Gaussian of `sigma`
 * (same units); the window shrinks symmetrically near the ends, so the ends stay where they were.
 */
export function smoothPolyline(
  points: readonly StrokePoint[],
  sigma: number,
  spacing: number,
): StrokePoint[] {
  if (points.length < 3 || !(sigma > 0) || !(spacing > 0)) return points.map((p) => ({ x: p.x, y: p.y }));
  const xs: number[] = [points[0].x];
  const ys: number[] = [points[0].y];
  let along = 0; // distance walked since the last emitted sample
  for (let i = 1; i < points.length; i++) {
    const ax = points[i - 1].x;
    const ay = points[i - 1].y;
    const len = Math.hypot(points[i].x - ax, points[i].y - ay);
    if (len === 0) continue;
    let t = spacing - along;
    while (t <= len) {
      xs.push(ax + ((points[i].x - ax) * t) / len);
      ys.push(ay + ((points[i].y - ay) * t) / len);
      t += spacing;
    }
    along = len - (t - spacing);
  }
  const last = points[points.length - 1];
  xs.push(last.x);
  ys.push(last.y);
  const n = xs.length;
  const r = Math.ceil((2.5 * sigma) / spacing);
  const w = Array.from({ length: 2 * r + 1 }, (_, k) => Math.exp(-0.5 * (((k - r) * spacing) / sigma) ** 2));
  const out: StrokePoint[] = [];
  for (let i = 0; i < n; i++) {
    const rr = Math.min(r, i, n - 1 - i);
    let sx = 0;
    let sy = 0;
    let sw = 0;
    for (let k = -rr; k <= rr; k++) {
      sx += w[k + r] * xs[i + k];
      sy += w[k + r] * ys[i + k];
      sw += w[k + r];
    }
    out.push({ x: sx / sw, y: sy / sw });
  }
  return out;
}
