// An imported picture of a line → its atoms: pieces of ink that must stay together in one character,
// left to right, each with its box and its own pixels. Browser-safe and pure.
//   1. Connected components of the ink (8-connectivity above a threshold); specks dropped.
//   2. Broken glyphs merged: components that lie mostly within another's horizontal extent (the dot
//      of an i, a 5's flag, a stroke the scanner broke).
//   3. Touching glyphs split: a group much wider than the line's usual character is cut at minima of
//      its vertical ink projection (thin joins). Cuts may over-split; the search merges pieces back.

import { forEachNeighbour } from '../../engine/neighbours';
import { type Box, boxHeight, boxWidth, median, quantile, unionBoxes, xOverlap } from './box';

export interface ImageAtom {
  /** 'c3', 'c3+c5' (merged components) or 'c3#1' (the second piece of a split). */
  readonly id: string;
  /** `id` plus a hash of the pixels. */
  readonly key: string;
  /** Pixel edges: columns x0 … x1 − 1, rows y0 … y1 − 1 of the image. */
  readonly box: Box;
  /** The atom's own ink in its box, [box height, box width] row-major; other atoms' ink is 0. */
  readonly mask: Float32Array;
}

export interface SegmentImageOptions {
  /** A pixel is ink above this value (default 0.2). */
  threshold?: number;
  /** Components with fewer ink pixels are specks and dropped (default 4). */
  minArea?: number;
  /** Share of the narrower component's width inside the other's extent that merges them (0.6). */
  contain?: number;
  /** A group wider than this × the typical character width is cut (default 1.5). */
  splitWidth?: number;
  /**
   * More ink components than this (after the specks) is no line of handwriting but noise or a page
   * of text, and an error (default 2,000): merging compares every pair, and a hostile picture of
   * salt-and-pepper noise holds hundreds of thousands.
   */
  maxComponents?: number;
}

/** `contain` and `splitWidth` checked on lines of the validation donor: docs/experiments/2026-12-05-line-segmentation-tuning.md. */
export const SEGMENT_IMAGE_DEFAULTS: Required<SegmentImageOptions> = {
  threshold: 0.2,
  minArea: 4,
  contain: 0.6,
  splitWidth: 1.5,
  maxComponents: 2000,
};

interface Component {
  box: Box;
  pixels: number[];
}

export function segmentImage(
  image: ArrayLike<number>,
  width: number,
  height: number,
  options: SegmentImageOptions = {},
): ImageAtom[] {
  if (image.length !== width * height) {
    throw new Error(`segmentImage: ${width}×${height} needs ${width * height} values, got ${image.length}`);
  }
  const o = { ...SEGMENT_IMAGE_DEFAULTS, ...options };
  const comps = components(image, width, height, o.threshold).filter((c) => c.pixels.length >= o.minArea);
  if (comps.length > o.maxComponents) {
    throw new Error(
      `${comps.length.toLocaleString('en')} separate marks: more than a line of handwriting holds (at most ${o.maxComponents.toLocaleString('en')})`,
    );
  }
  const groups = mergeOverlapping(comps, o.contain);

  const lineHeight = quantile(
    groups.map((g) => boxHeight(g.box)),
    0.8,
  );
  // The typical character: the median group, but never wider than 0.9 × the line height, so a line
  // whose glyphs all touch (one wide group) is still recognized as too wide.
  const charWidth = Math.min(median(groups.map((g) => boxWidth(g.box))), 0.9 * lineHeight);
  const atoms: ImageAtom[] = [];
  for (const g of groups) {
    const pieces = boxWidth(g.box) > o.splitWidth * charWidth ? splitAtMinima(g, width, charWidth) : [g];
    for (const [i, p] of pieces.entries()) {
      atoms.push(atomOf(pieces.length > 1 ? `${g.id}#${i}` : g.id, p, image, width));
    }
  }
  return atoms.sort((a, b) => a.box.x0 + a.box.x1 - (b.box.x0 + b.box.x1));
}

/** The ink of some atoms in their union box: what a candidate character hands to normalizeImage. */
export function imageOfAtoms(atoms: readonly ImageAtom[]): {
  image: Float32Array;
  width: number;
  height: number;
} {
  const box = unionBoxes(atoms.map((a) => a.box));
  const w = boxWidth(box);
  const h = boxHeight(box);
  const image = new Float32Array(w * h);
  for (const a of atoms) {
    const aw = boxWidth(a.box);
    for (let y = 0; y < boxHeight(a.box); y++) {
      for (let x = 0; x < aw; x++) {
        const v = a.mask[y * aw + x];
        const i = (a.box.y0 - box.y0 + y) * w + (a.box.x0 - box.x0 + x);
        if (v > image[i]) image[i] = v;
      }
    }
  }
  return { image, width: w, height: h };
}

/** 8-connected components of the pixels above `threshold`, by an explicit stack (no recursion). */
function components(image: ArrayLike<number>, width: number, height: number, threshold: number): Component[] {
  const label = new Int32Array(width * height).fill(-1);
  const out: Component[] = [];
  const stack: number[] = [];
  for (let start = 0; start < image.length; start++) {
    if (!(image[start] > threshold) || label[start] >= 0) continue;
    const pixels: number[] = [];
    label[start] = out.length;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      pixels.push(p);
      const px = p % width;
      forEachNeighbour(px, (p - px) / width, width, height, (q) => {
        if (label[q] < 0 && image[q] > threshold) {
          label[q] = out.length;
          stack.push(q);
        }
      });
    }
    out.push({ box: boxOfPixels(pixels, width), pixels });
  }
  return out;
}

interface Group extends Component {
  id: string;
}

function mergeOverlapping(comps: readonly Component[], contain: number): Group[] {
  const parent = comps.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  for (let a = 0; a < comps.length; a++) {
    for (let b = a + 1; b < comps.length; b++) {
      const narrower = Math.min(boxWidth(comps[a].box), boxWidth(comps[b].box));
      if (xOverlap(comps[a].box, comps[b].box) >= contain * narrower) parent[root(b)] = root(a);
    }
  }
  const members = new Map<number, number[]>();
  for (let i = 0; i < comps.length; i++) {
    const list = members.get(root(i));
    if (list) list.push(i);
    else members.set(root(i), [i]);
  }
  return [...members.values()].map((m) => ({
    id: m.map((i) => `c${i}`).join('+'),
    box: unionBoxes(m.map((i) => comps[i].box)),
    pixels: m.flatMap((i) => comps[i].pixels),
  }));
}

/**
 * Cuts a too-wide group at the deepest minima of its column ink counts, at least 0.4 × charWidth
 * apart and from either end, where the column holds under half the group's median column ink.
 */
function splitAtMinima(g: Group, width: number, charWidth: number): Component[] {
  const w = boxWidth(g.box);
  const counts = new Float64Array(w);
  for (const p of g.pixels) counts[(p % width) - g.box.x0]++;
  const limit = 0.5 * median([...counts].filter((c) => c > 0));
  const margin = Math.max(1, Math.round(0.4 * charWidth));
  const minima: number[] = [];
  for (let x = margin; x < w - margin; x++) {
    if (counts[x] > limit) continue;
    let lowest = true;
    for (let d = -2; d <= 2 && lowest; d++) {
      const v = counts[Math.min(w - 1, Math.max(0, x + d))];
      if (v < counts[x] || (v === counts[x] && d < 0 && x + d >= margin)) lowest = false;
    }
    if (!lowest) continue;
    // The middle of a flat bottom (a bridge of even thickness), not its left end.
    let end = x;
    while (end + 1 < w - margin && counts[end + 1] === counts[x]) end++;
    minima.push((x + end) >> 1);
  }
  const cuts: number[] = [];
  for (const x of minima.sort((a, b) => counts[a] - counts[b] || a - b)) {
    if (cuts.every((c) => Math.abs(c - x) >= margin)) cuts.push(x);
  }
  if (cuts.length === 0) return [g];
  cuts.sort((a, b) => a - b);
  const pieces: number[][] = cuts.map(() => []);
  pieces.push([]);
  for (const p of g.pixels) {
    const x = (p % width) - g.box.x0;
    let i = 0;
    while (i < cuts.length && x >= cuts[i]) i++;
    pieces[i].push(p);
  }
  return pieces.filter((px) => px.length > 0).map((px) => ({ box: boxOfPixels(px, width), pixels: px }));
}

function boxOfPixels(pixels: readonly number[], width: number): Box {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const p of pixels) {
    const x = p % width;
    const y = (p - x) / width;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x + 1);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y + 1);
  }
  return { x0, y0, x1, y1 };
}

function atomOf(id: string, c: Component, image: ArrayLike<number>, width: number): ImageAtom {
  const { box } = c;
  const w = boxWidth(box);
  const mask = new Float32Array(w * boxHeight(box));
  let h = 0x811c9dc5;
  for (const p of c.pixels) {
    const x = p % width;
    const y = (p - x) / width;
    const v = Math.min(1, Math.max(0, image[p]));
    mask[(y - box.y0) * w + (x - box.x0)] = v;
    h = Math.imul(h ^ (p + Math.round(v * 255) * 0x9e3779b1), 0x01000193);
  }
  return { id, key: `${id}:${(h >>> 0).toString(16).padStart(8, '0')}`, box, mask };
}
