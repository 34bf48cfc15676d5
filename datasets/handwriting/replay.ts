// Replaying recorded pen strokes through the two ways a glyph enters Glyph Lab:
//   vector path: strokes → normalizeStrokes (what a live drawing on the canvas goes through);
//   image path:  strokes → drawn with a round pen onto a raster → normalizeImage (image import).
// Browser-safe and pure.

import { normalizeImage, normalizeStrokes, strokesFromPairs } from '../normalize';
import { DEFAULT_PEN_RASTER, drawStrokes, type PenRasterOptions } from './pen-raster';
import type { Point } from './unipen';

export type ReplayPath = 'strokes' | 'image';

export const REPLAY_PATHS: readonly ReplayPath[] = ['strokes', 'image'];

/** The network's input (Float32Array(784), ink = 1) for recorded strokes (y down) through one path. */
export function replay(
  strokes: readonly (readonly Point[])[],
  path: ReplayPath,
  pen: PenRasterOptions = DEFAULT_PEN_RASTER,
): Float32Array {
  if (path === 'strokes') return normalizeStrokes(strokesFromPairs(strokes));
  const { image, width, height } = drawStrokes(strokes, pen);
  return normalizeImage(image, width, height);
}
