// A composed line as a picture, the way `glyph-lab read` meets it: drawn with a round pen
// (handwriting/pen-raster.ts) at a chosen capital height in pixels, with the true boxes in pixels.
// Browser-safe and pure.

import { drawStrokes } from '../handwriting/pen-raster';
import type { Box } from './box';
import type { ComposedLine } from './compose';

export interface DrawnLine {
  /** ink = 1, [height, width] row-major */
  readonly image: Float32Array;
  readonly width: number;
  readonly height: number;
  /** The true box of each character, pixel edges. */
  readonly boxes: Box[];
}

/**
 * Draws the line so its capital height (`lineHeight` line units, 100 for compose.ts) is `capital`
 * pixels, with a pen `pen` pixels wide (default 60 px capitals, 5 px pen: a phone photo of a note).
 */
export function drawLine(line: ComposedLine, capital = 60, pen = 5, lineHeight = 100): DrawnLine {
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of line.strokes)
    for (const [x, y] of s) {
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  const scale = capital / lineHeight;
  const { image, width, height } = drawStrokes(line.strokes, {
    glyphSize: Math.max(x1 - x0, y1 - y0) * scale,
    penWidth: pen,
  });
  // pen-raster.ts's placement: (x − x0) × scale + margin, margin = ⌈pen / 2⌉ + 2.
  const margin = Math.ceil(pen / 2) + 2;
  const r = pen / 2;
  const boxes = line.boxes.map((b) => ({
    x0: Math.floor((b.x0 - x0) * scale + margin - r),
    y0: Math.floor((b.y0 - y0) * scale + margin - r),
    x1: Math.ceil((b.x1 - x0) * scale + margin + r),
    y1: Math.ceil((b.y1 - y0) * scale + margin + r),
  }));
  return { image, width, height, boxes };
}
