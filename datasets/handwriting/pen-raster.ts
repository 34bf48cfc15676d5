// Strokes drawn onto a raster with a round pen, the way a canvas draws them: the image-import
// replay path (strokes → picture → normalizeImage) as opposed to the vector path (normalizeStrokes).
// Browser-safe and pure.

import { boxOfPoints } from '../lines/box';
import { rasterizePolylines } from '../stroke-raster';
import type { Point } from './unipen';

export interface PenRasterOptions {
  /** Longest side of the glyph's bounding box in pixels (the drawing's size on the canvas). */
  readonly glyphSize: number;
  /** Pen diameter in pixels. */
  readonly penWidth: number;
}

/** A canvas-like drawing: a 120 px glyph drawn with an 11 px pen (≈ 9 % of its size, as on a 280 px canvas). */
export const DEFAULT_PEN_RASTER: PenRasterOptions = { glyphSize: 120, penWidth: 11 };

/**
 * Scales the strokes (any units, y down) so their bounding box's longest side is `glyphSize`, draws
 * them with an anti-aliased round pen (`stroke-raster.ts`'s capsules, one sample per pixel), and returns
 * the raster (ink = 1) with its size. A pen lift never connects strokes; a one-point stroke is a dot.
 */
export function drawStrokes(
  strokes: readonly (readonly Point[])[],
  opts: PenRasterOptions = DEFAULT_PEN_RASTER,
): { image: Float32Array; width: number; height: number } {
  const box = boxOfPoints(strokes);
  if (box === null) return { image: new Float32Array(1), width: 1, height: 1 };
  const { x0, y0, x1, y1 } = box;
  const r = opts.penWidth / 2;
  const margin = Math.ceil(r) + 2;
  const span = Math.max(x1 - x0, y1 - y0);
  const scale = span > 0 ? opts.glyphSize / span : 1;
  const width = Math.ceil((x1 - x0) * scale) + 2 * margin + 1;
  const height = Math.ceil((y1 - y0) * scale) + 2 * margin + 1;
  const image = new Float32Array(width * height);
  const tx = (x: number) => (x - x0) * scale + margin;
  const ty = (y: number) => (y - y0) * scale + margin;
  // One sample per pixel: the pen is many pixels wide here, so the edge ramp is enough anti-aliasing.
  const lines = strokes.map((s) => s.flatMap(([x, y]) => [tx(x), ty(y)]));
  rasterizePolylines(lines, image, width, height, { width: opts.penWidth, supersample: 1 });
  return { image, width, height };
}
