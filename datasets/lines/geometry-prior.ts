// How plausible a run of atoms is as ONE character from its shape alone, as a log-prior (≤ 0) added
// to the model's log-probability in the search. The model alone would happily read two narrow
// digits as one wide glyph, or a digit and its neighbour across a wide gap; people write characters
// about as wide as tall at most, and leave wider gaps between characters than inside them.

import { type Box, boxHeight, median, quantile } from './box';

export interface LineGeometry {
  /** The line's character height (80th percentile of atom heights), line units. */
  readonly height: number;
  /** Median positive gap between neighbouring atoms, line units (0 when none). */
  readonly gap: number;
}

export interface GeometryPriorOptions {
  /** Width / line height above which a candidate is penalized (default 0.8). */
  maxAspect?: number;
  /** Penalty per (aspect excess)², nats (default 8). */
  aspectWeight?: number;
  /** Penalty per line height of gap inside a candidate beyond half the line's median gap (default 12). */
  gapWeight?: number;
  /**
   * Penalty for each clear gap (positive) inside a candidate, nats (default 0). Atoms already bind
   * the strokes that touch or overlap, so atoms with a gap between them are usually two characters;
   * a flat cost says so whatever the gap's width. Off: on the tuning lines (validation donor ibm) it
   * cost more than it saved, since it also splits letters written in pieces a hair apart, and a
   * steeper gapWeight keeps '11' apart instead.
   */
  gapCost?: number;
}

/** Chosen on lines of the validation donor only: docs/experiments/2026-12-05-line-segmentation-tuning.md. */
export const GEOMETRY_PRIOR_DEFAULTS: Required<GeometryPriorOptions> = {
  maxAspect: 0.8,
  aspectWeight: 8,
  gapWeight: 12,
  gapCost: 0,
};

export function lineGeometry(boxes: readonly Box[]): LineGeometry {
  const height = Math.max(quantile(boxes.map(boxHeight), 0.8), 1e-9);
  const gaps: number[] = [];
  const byX = [...boxes].sort((a, b) => a.x0 - b.x0);
  let right = -Infinity;
  for (const b of byX) {
    if (b.x0 - right > 0 && right > -Infinity) gaps.push(b.x0 - right);
    right = Math.max(right, b.x1);
  }
  return { height, gap: median(gaps) };
}

/**
 * Log-prior of the atoms `boxes` (left to right) being one character. 0 for a plausible glyph;
 * negative for one much wider than tall, or one bridging a gap wider than half the line's usual gap.
 */
export function geometryPrior(
  boxes: readonly Box[],
  line: LineGeometry,
  options: GeometryPriorOptions = {},
): number {
  const o = { ...GEOMETRY_PRIOR_DEFAULTS, ...options };
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x0);
    x1 = Math.max(x1, b.x1);
  }
  const excess = Math.max(0, (x1 - x0) / line.height - o.maxAspect);
  let prior = excess > 0 ? -o.aspectWeight * excess * excess : 0;
  // Gaps inside the candidate: each atom against the ink to its left.
  let right = boxes[0].x1;
  for (let i = 1; i < boxes.length; i++) {
    const g = boxes[i].x0 - right;
    if (g > 0) prior -= o.gapCost;
    if (g > 0.5 * line.gap) prior -= (o.gapWeight * (g - 0.5 * line.gap)) / line.height;
    right = Math.max(right, boxes[i].x1);
  }
  return prior;
}
