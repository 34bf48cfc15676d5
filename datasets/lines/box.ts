// Axis-aligned boxes of a line's ink, in the line's own units (canvas pixels, tablet units or image
// pixels), y down. Shared by the stroke and image segmenters, the search, the composer and the pen
// raster (datasets/handwriting/pen-raster.ts).

/** [x0, x1] × [y0, y1], inclusive of the ink's extreme coordinates (x1 ≥ x0, y1 ≥ y0). */
export interface Box {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

/** The box of pen points `[x, y]` (tablet units or pixels), or null when there are none. */
export function boxOfPoints(strokes: readonly (readonly (readonly [number, number])[])[]): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const s of strokes)
    for (const [x, y] of s) {
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  return x1 >= x0 ? { x0, y0, x1, y1 } : null;
}

export function unionBox(a: Box, b: Box): Box {
  return {
    x0: Math.min(a.x0, b.x0),
    y0: Math.min(a.y0, b.y0),
    x1: Math.max(a.x1, b.x1),
    y1: Math.max(a.y1, b.y1),
  };
}

export function unionBoxes(boxes: readonly Box[]): Box {
  if (boxes.length === 0) throw new Error('unionBoxes: no boxes');
  return boxes.reduce(unionBox);
}

export const boxWidth = (b: Box): number => b.x1 - b.x0;
export const boxHeight = (b: Box): number => b.y1 - b.y0;

/** Length of the shared horizontal extent of two boxes (0 when they do not overlap). */
export function xOverlap(a: Box, b: Box): number {
  return Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
}

/** Intersection over union of two boxes (areas), for matching found boxes to true ones. */
export function boxIou(a: Box, b: Box): number {
  const w = Math.max(0, Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0));
  const h = Math.max(0, Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0));
  const inter = w * h;
  const union = boxWidth(a) * boxHeight(a) + boxWidth(b) * boxHeight(b) - inter;
  return union > 0 ? inter / union : a.x0 === b.x0 && a.y0 === b.y0 && a.x1 === b.x1 && a.y1 === b.y1 ? 1 : 0;
}

/** The median of some numbers (0 for none); the line's typical size without its outliers. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The q-quantile (0…1, nearest rank) of some numbers (0 for none). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))];
}
