// Drawing on the Draw canvas ("Drawing area") with the real mouse. A stroke is a polyline in canvas
// fractions (0–1, y down), drawn as one press, a move to each point, one release.

import type { Page } from '@playwright/test';

export type CanvasStroke = [number, number][];

/** Draws each stroke in turn; `steps` is how many pointer moves Playwright makes between points. */
export async function drawStrokes(page: Page, strokes: CanvasStroke[], steps = 2): Promise<void> {
  const box = (await page.getByLabel('Drawing area').boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + box.width * fx, box.y + box.height * fy] as const;
  for (const stroke of strokes) {
    await page.mouse.move(...at(stroke[0]!));
    await page.mouse.down();
    for (const p of stroke.slice(1)) await page.mouse.move(...at(p), { steps });
    await page.mouse.up();
  }
}

/** An arc around (cx, cy) of radius r from angle a0 to a1 (degrees, screen coordinates: clockwise). */
export function arc(cx: number, cy: number, r: number, a0: number, a1: number, n = 24): CanvasStroke {
  return Array.from({ length: n + 1 }, (_, i) => {
    const a = ((a0 + ((a1 - a0) * i) / n) * Math.PI) / 180;
    return [cx + r * Math.cos(a), cy + r * Math.sin(a)];
  });
}

/** A closed loop of 33 points, `point(a)` for a from 0 to 2π. */
function loop(point: (a: number) => [number, number]): CanvasStroke {
  return Array.from({ length: 33 }, (_, i) => point((i / 32) * 2 * Math.PI));
}

/** A "3": two arcs, one stroke. */
export const THREE: CanvasStroke[] = [
  [...arc(0.5, 0.33, 0.15, -160, 90), ...arc(0.5, 0.64, 0.16, -90, 160).slice(1)],
];

/** A "0": one tall closed loop, from the top. */
export const ZERO: CanvasStroke[] = [loop((a) => [0.5 + 0.2 * Math.sin(a), 0.5 - 0.3 * Math.cos(a)])];

/** A ring: one round closed loop, from the right. */
export const RING: CanvasStroke[] = [loop((a) => [0.5 + 0.3 * Math.cos(a), 0.5 + 0.3 * Math.sin(a)])];
