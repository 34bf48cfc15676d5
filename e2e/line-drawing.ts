// Writing a line on Draw's Line mode canvas ("Line drawing area") with the real mouse: glyphs given in
// square-canvas fractions (as mouse-drawing.ts's THREE and ZERO) placed left to right along the line.

import type { Page } from '@playwright/test';
import type { CanvasStroke } from './mouse-drawing';

/** Digits as strokes in square-canvas fractions (as mouse-drawing.ts's THREE and ZERO). */
export const ONE: CanvasStroke[] = [
  [
    [0.42, 0.27],
    [0.53, 0.18],
    [0.53, 0.82],
  ],
];
export const SEVEN: CanvasStroke[] = [
  [
    [0.32, 0.2],
    [0.68, 0.2],
    [0.46, 0.82],
  ],
];
/** A 4 of two strokes: the second crosses the first, so they are one character. */
export const FOUR: CanvasStroke[] = [
  [
    [0.42, 0.18],
    [0.32, 0.6],
    [0.72, 0.6],
  ],
  [
    [0.6, 0.32],
    [0.6, 0.84],
  ],
];

/** The line canvas is 4 × as wide as tall: a glyph's square goes to a quarter of its width, centred at `cx`. */
function placed(glyph: CanvasStroke[], cx: number): CanvasStroke[] {
  return glyph.map((s) => s.map(([x, y]): [number, number] => [cx + (x - 0.5) / 4, y]));
}

/** Writes glyphs left to right on the line canvas with the real mouse. */
export async function writeLine(page: Page, glyphs: CanvasStroke[][]): Promise<void> {
  const box = (await page.getByLabel('Line drawing area', { exact: true }).boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  const step = 0.8 / glyphs.length;
  for (const [i, glyph] of glyphs.entries()) {
    for (const stroke of placed(glyph, 0.1 + step * (i + 0.5))) {
      await page.mouse.move(...at(stroke[0]!));
      await page.mouse.down();
      for (const p of stroke.slice(1)) await page.mouse.move(...at(p), { steps: 2 });
      await page.mouse.up();
    }
  }
}

/** Capitals, one to three strokes each, written the way people do (the bar last). */
export const H: CanvasStroke[] = [
  [
    [0.32, 0.2],
    [0.32, 0.82],
  ],
  [
    [0.68, 0.2],
    [0.68, 0.82],
  ],
  [
    [0.32, 0.5],
    [0.68, 0.5],
  ],
];
export const A: CanvasStroke[] = [
  [
    [0.3, 0.82],
    [0.5, 0.18],
    [0.7, 0.82],
  ],
  [
    [0.38, 0.58],
    [0.62, 0.58],
  ],
];
export const T: CanvasStroke[] = [
  [
    [0.3, 0.2],
    [0.7, 0.2],
  ],
  [
    [0.5, 0.2],
    [0.5, 0.82],
  ],
];
