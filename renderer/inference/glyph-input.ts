// The drawing → the network's input: the ONE glyph normalization (datasets/normalize.ts), applied to
// the finished strokes and the one under way. Used by live prediction and by saving samples.

import { normalizeStrokes } from '../../datasets/normalize';
import type { StrokeSnapshot } from '../canvas/stroke-machine';

/** Drawings smaller than this (CSS px) are scaled as if this large, so a tap stays a dot. */
export const MIN_GLYPH_EXTENT = 24;

/** Float32Array(784) in [0, 1], ink = 1; all zeros for an empty drawing. */
export function glyphInput(snapshot: Pick<StrokeSnapshot, 'strokes' | 'active'>): Float32Array {
  const all = snapshot.active ? [...snapshot.strokes, snapshot.active] : snapshot.strokes;
  return normalizeStrokes(all, { minExtent: MIN_GLYPH_EXTENT });
}
