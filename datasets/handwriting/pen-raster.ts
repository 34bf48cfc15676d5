// Strokes drawn onto a raster with a round pen, the way a canvas draws them: the image-import
// replay path (strokes → picture → normalizeImage) as opposed to the vector path (normalizeStrokes).
// Browser-safe and pure.

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
 * them with an anti-aliased round pen (capsules: coverage = clamp(r + ½ − distance)), and returns
 * the raster (ink = 1) with its size. A pen lift never connects strokes; a one-point stroke is a dot.
 */
export function drawStrokes(
  strokes: readonly (readonly Point[])[],
  opts: PenRasterOptions = DEFAULT_PEN_RASTER,
): { image: Float32Array; width: number; height: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const s of strokes)
    for (const [x, y] of s) {
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
  const r = opts.penWidth / 2;
  const margin = Math.ceil(r) + 2;
  const span = Math.max(x1 - x0, y1 - y0);
  const scale = span > 0 ? opts.glyphSize / span : 1;
  const width = Math.ceil((x1 - x0) * scale) + 2 * margin + 1;
  const height = Math.ceil((y1 - y0) * scale) + 2 * margin + 1;
  const image = new Float32Array(width * height);
  if (!Number.isFinite(span)) return { image, width: 1, height: 1 };
  const tx = (x: number) => (x - x0) * scale + margin;
  const ty = (y: number) => (y - y0) * scale + margin;
  for (const s of strokes) {
    if (s.length === 1) capsule(image, width, height, tx(s[0][0]), ty(s[0][1]), tx(s[0][0]), ty(s[0][1]), r);
    for (let i = 1; i < s.length; i++) {
      capsule(image, width, height, tx(s[i - 1][0]), ty(s[i - 1][1]), tx(s[i][0]), ty(s[i][1]), r);
    }
  }
  return { image, width, height };
}

/** Max-composites one anti-aliased capsule (segment a→b, radius r) into the image. */
function capsule(
  img: Float32Array,
  w: number,
  h: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
): void {
  const xa = Math.max(0, Math.floor(Math.min(ax, bx) - r - 1));
  const xb = Math.min(w - 1, Math.ceil(Math.max(ax, bx) + r + 1));
  const ya = Math.max(0, Math.floor(Math.min(ay, by) - r - 1));
  const yb = Math.min(h - 1, Math.ceil(Math.max(ay, by) + r + 1));
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  for (let y = ya; y <= yb; y++) {
    const py = y + 0.5;
    for (let x = xa; x <= xb; x++) {
      const px = x + 0.5;
      let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      t = t < 0 ? 0 : Math.min(t, 1);
      const ex = ax + t * dx - px;
      const ey = ay + t * dy - py;
      const cov = r + 0.5 - Math.sqrt(ex * ex + ey * ey);
      if (cov <= 0) continue;
      const v = Math.min(cov, 1);
      const i = y * w + x;
      if (v > img[i]) img[i] = v;
    }
  }
}
