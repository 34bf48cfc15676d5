// A line drawn as strokes → its "atoms": the smallest groups of strokes that must stay together in
// one character, ordered left to right, with their boxes. The search (read-line.ts) then merges
// neighbouring atoms into characters, so an atom must never hold two characters: when unsure, keep
// strokes apart. Browser-safe and pure.
//
// A stroke that begins right of all the ink before it starts a character: it joins earlier strokes
// only by crossing them. Any other stroke goes back over the line, and joins another stroke when
//   - the two cross or nearly touch (the bar of a 7 or a t, the second stroke of a 4 or a 5), or
//   - one lies mostly within the other's horizontal extent (the dot of an i above its stem, a 5's
//     flag floating over its body), judged more loosely for strokes written one after the other,
//     since a person finishes a character before starting the next.

import type { Stroke } from '../normalize';
import { type Box, boxHeight, boxWidth, quantile, unionBoxes, xOverlap } from './box';

export interface StrokeAtom {
  /** Which strokes, e.g. 's3+s4' (their indices in the line, in time order). */
  readonly id: string;
  /** `id` plus a hash of the strokes' points: changes whenever the ink does (undo, redraw). */
  readonly key: string;
  /** Indices into the line's strokes, ascending (time order). */
  readonly strokes: readonly number[];
  readonly box: Box;
}

export interface SegmentStrokesOptions {
  /** The line's character height in stroke units; default: the 80th percentile of stroke heights. */
  lineHeight?: number;
  /** Strokes closer than this × line height touch (default 0.05; 0.12 for consecutive strokes). */
  touch?: number;
  touchConsecutive?: number;
  /** Share of the narrower stroke's width inside the other's extent that binds them (0.6; 0.4 consecutive). */
  contain?: number;
  containConsecutive?: number;
  /** A stroke beginning right of (all earlier ink − this × line height) starts a character (0.05). */
  ahead?: number;
}

export const SEGMENT_STROKES_DEFAULTS: Required<Omit<SegmentStrokesOptions, 'lineHeight'>> = {
  touch: 0.05,
  touchConsecutive: 0.12,
  contain: 0.6,
  containConsecutive: 0.4,
  ahead: 0.05,
};

/** The line's atoms, left to right. Strokes without a finite point are left out. */
export function segmentStrokes(
  strokes: readonly Stroke[],
  options: SegmentStrokesOptions = {},
): StrokeAtom[] {
  const o = { ...SEGMENT_STROKES_DEFAULTS, ...options };
  const kept: number[] = [];
  const boxes: Box[] = [];
  strokes.forEach((s, i) => {
    const b = strokeBox(s);
    if (b) {
      kept.push(i);
      boxes.push(b);
    }
  });
  const height = options.lineHeight ?? Math.max(quantile(boxes.map(boxHeight), 0.8), 1e-9);
  // A stroke narrower than this counts as this wide (about its centre), so the dot of an i and its
  // stem (both of width ≈ 0) overlap, and a straight '1' is not "within" anything it merely sits next to.
  const minWidth = 0.05 * height;

  const parent = kept.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  // A stroke that begins to the right of all the ink before it starts a new character, as people
  // write left to right: it binds to earlier strokes only by crossing them, never by nearly touching
  // or overlapping, so characters written close together stay apart. A dot (an i's, written at once)
  // is not a start.
  const starts: boolean[] = [];
  let right = -Infinity;
  for (const b of boxes) {
    const dot = Math.max(boxWidth(b), boxHeight(b)) < 0.15 * height;
    starts.push(!dot && b.x0 >= right - o.ahead * height);
    right = Math.max(right, b.x1);
  }
  for (let a = 0; a < kept.length; a++) {
    for (let b = a + 1; b < kept.length; b++) {
      if (starts[b]) {
        if (near(boxes[a], boxes[b], 0) && strokeDistance(strokes[kept[a]], strokes[kept[b]]) === 0) {
          parent[root(b)] = root(a);
        }
        continue;
      }
      const consecutive = kept[b] === kept[a] + 1;
      const touch = (consecutive ? o.touchConsecutive : o.touch) * height;
      const contain = consecutive ? o.containConsecutive : o.contain;
      const wa = widened(boxes[a], minWidth);
      const wb = widened(boxes[b], minWidth);
      const within = xOverlap(wa, wb) >= contain * Math.min(boxWidth(wa), boxWidth(wb));
      if (
        within ||
        (near(boxes[a], boxes[b], touch) && strokeDistance(strokes[kept[a]], strokes[kept[b]]) <= touch)
      ) {
        parent[root(b)] = root(a);
      }
    }
  }

  const groups = new Map<number, number[]>();
  for (let i = 0; i < kept.length; i++) {
    const list = groups.get(root(i));
    if (list) list.push(i);
    else groups.set(root(i), [i]);
  }
  const atoms = [...groups.values()].map((members): StrokeAtom => {
    const indices = members.map((m) => kept[m]);
    const id = indices.map((i) => `s${i}`).join('+');
    return {
      id,
      key: `${id}:${hashStrokes(indices.map((i) => strokes[i]))}`,
      strokes: indices,
      box: unionBoxes(members.map((m) => boxes[m])),
    };
  });
  return atoms.sort((a, b) => a.box.x0 + a.box.x1 - (b.box.x0 + b.box.x1) || a.strokes[0] - b.strokes[0]);
}

/** The strokes of some atoms, in time order: what a candidate character hands to normalizeStrokes. */
export function strokesOfAtoms(line: readonly Stroke[], atoms: readonly StrokeAtom[]): Stroke[] {
  return atoms
    .flatMap((a) => a.strokes)
    .sort((a, b) => a - b)
    .map((i) => line[i]);
}

function strokeBox(s: Stroke): Box | null {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of s.points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    x0 = Math.min(x0, p.x);
    x1 = Math.max(x1, p.x);
    y0 = Math.min(y0, p.y);
    y1 = Math.max(y1, p.y);
  }
  return x1 >= x0 ? { x0, y0, x1, y1 } : null;
}

function widened(b: Box, width: number): Box {
  const pad = Math.max(0, (width - boxWidth(b)) / 2);
  return { x0: b.x0 - pad, y0: b.y0, x1: b.x1 + pad, y1: b.y1 };
}

function near(a: Box, b: Box, d: number): boolean {
  return a.x0 - d <= b.x1 && b.x0 - d <= a.x1 && a.y0 - d <= b.y1 && b.y0 - d <= a.y1;
}

/** Smallest distance between the two polylines (0 when they cross); a one-point stroke is a dot. */
export function strokeDistance(a: Stroke, b: Stroke): number {
  const pa = finite(a);
  const pb = finite(b);
  let best = Infinity;
  for (let i = 0; i < Math.max(1, pa.length - 1); i++) {
    const a0 = pa[i];
    const a1 = pa[Math.min(i + 1, pa.length - 1)];
    for (let j = 0; j < Math.max(1, pb.length - 1); j++) {
      const d = segmentDistance(a0, a1, pb[j], pb[Math.min(j + 1, pb.length - 1)]);
      if (d < best) best = d;
      if (best === 0) return 0;
    }
  }
  return best;
}

type P = { readonly x: number; readonly y: number };

function finite(s: Stroke): P[] {
  return s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
}

function segmentDistance(a: P, b: P, c: P, d: P): number {
  if (segmentsCross(a, b, c, d)) return 0;
  return Math.min(pointSegment(a, c, d), pointSegment(b, c, d), pointSegment(c, a, b), pointSegment(d, a, b));
}

function cross(o: P, a: P, b: P): number {
  return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

function segmentsCross(a: P, b: P, c: P, d: P): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

function pointSegment(p: P, a: P, b: P): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  let t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
  t = t < 0 ? 0 : Math.min(t, 1);
  return Math.hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
}

/** FNV-1a over the points rounded to 1/100 unit: equal ink, equal hash. */
export function hashStrokes(strokes: readonly Stroke[]): string {
  let h = 0x811c9dc5;
  const mix = (v: number) => {
    h ^= v & 0xffff;
    h = Math.imul(h, 0x01000193);
    h ^= (v >>> 16) & 0xffff;
    h = Math.imul(h, 0x01000193);
  };
  for (const s of strokes) {
    mix(s.points.length);
    for (const p of s.points) {
      mix(Math.round(p.x * 100) | 0);
      mix(Math.round(p.y * 100) | 0);
    }
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}
