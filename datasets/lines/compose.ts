// Lines built from single characters of one writer, the way people write them, with the true box of
// each character: for measuring segmentation and reading on real pen handwriting (UNIPEN) without
// lines recorded as such. Each character is scaled by its height (digits and capitals to the line's
// capital height, small letters to the x-height, with ascenders and descenders), placed on a baseline
// that drifts slightly, with a random gap after it. Browser-safe and pure.

import type { Rng } from '../../engine/rng';
import { type Box, boxOfPoints } from './box';

/** A pen point [x, y], y down (the shape of handwriting/unipen.ts's Point, restated so this file stays browser-typed). */
export type Point = [number, number];

/** One written character: its label as written ('7', 'A', 'g') and its strokes (y down, any units). */
export interface Glyph {
  readonly label: string;
  readonly strokes: readonly (readonly Point[])[];
}

export interface ComposedLine {
  readonly text: string;
  /** Every stroke of the line in the order written (character by character), line units. */
  readonly strokes: Point[][];
  /** The character each stroke belongs to. */
  readonly owner: number[];
  /** The true box of each character (its placed points), line units. */
  readonly boxes: Box[];
}

export interface ComposeOptions {
  /** Capital height, line units (default 100). */
  readonly height?: number;
  /** Gap after a character, × height, uniform in [lo, hi] (default [0.12, 0.45]). */
  readonly gap?: readonly [number, number];
  /** Largest baseline slope, either way (default 0.03: 3 units per 100 along). */
  readonly drift?: number;
  /** Relative size jitter per character, uniform ± (default 0.08). */
  readonly sizeJitter?: number;
}

/** Small letters by the zone they fill: [height, top above the baseline], × capital height. */
const SMALL_ZONES: Record<string, readonly [number, number]> = {
  ...Object.fromEntries([...'acemnorsuvwxz'].map((c) => [c, [0.55, 0.55] as const])),
  ...Object.fromEntries([...'bdfhklt'].map((c) => [c, [1, 1] as const])),
  ...Object.fromEntries([...'gpqy'].map((c) => [c, [0.9, 0.55] as const])),
  i: [0.8, 0.8],
  j: [1.15, 0.8],
};

export function composeLine(glyphs: readonly Glyph[], rng: Rng, options: ComposeOptions = {}): ComposedLine {
  const H = options.height ?? 100;
  const [gapLo, gapHi] = options.gap ?? [0.12, 0.45];
  const drift = options.drift ?? 0.03;
  const jitter = options.sizeJitter ?? 0.08;
  const slope = rng.uniform(-drift, drift);
  const strokes: Point[][] = [];
  const owner: number[] = [];
  const boxes: Box[] = [];
  let cursor = 0;
  glyphs.forEach((g, c) => {
    const b = boxOfPoints(g.strokes);
    if (!b) return;
    const [zoneHeight, zoneTop] = SMALL_ZONES[g.label] ?? [1, 1];
    const target = zoneHeight * H * (1 + rng.uniform(-jitter, jitter));
    // A glyph with no height (a dash) is scaled by its width instead, to a fifth of its target.
    const scale = target / Math.max(b.y1 - b.y0, 0.2 * (b.x1 - b.x0), 1e-9);
    const baseline = H + slope * cursor;
    const top = baseline - zoneTop * H * (target / (zoneHeight * H));
    const placed = g.strokes.map((s) =>
      s.map(([x, y]): Point => [cursor + (x - b.x0) * scale, top + (y - b.y0) * scale]),
    );
    for (const s of placed) {
      strokes.push(s);
      owner.push(c);
    }
    boxes.push(boxOfPoints(placed)!);
    cursor += (b.x1 - b.x0) * scale + rng.uniform(gapLo, gapHi) * H;
  });
  return { text: glyphs.map((g) => g.label).join(''), strokes, owner, boxes };
}

/** Samples grouped by writer, for lines that each come from one person. */
export function byWriter<T extends { readonly writer: string }>(samples: readonly T[]): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const s of samples) {
    const list = m.get(s.writer);
    if (list) list.push(s);
    else m.set(s.writer, [s]);
  }
  return m;
}
