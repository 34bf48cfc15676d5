// One synthetic handwritten sample from one font glyph: the glyph is varied as a person's hand
// varies (slant, rotation, aspect, size of parts, per-stroke displacement, pen width, elastic
// wobble), then enters the network's input exactly as real input does:
//   single-stroke glyphs → normalizeStrokes (the live-drawing path),
//   outline glyphs       → rasterized → normalizeImage (the image-import path).
// Pure and seeded: the same Rng state gives the same bytes.

import { forEachNeighbour } from '../../engine/neighbours';
import type { Rng } from '../../engine/rng';
import { NORMALIZATION, normalizeImage, normalizeStrokes, type Stroke } from '../normalize';
import type { GlyphShape } from './fonts';
import { type Affine, applyAffine, boundsOf, type Contour } from './outline';
import { fillContours } from './raster';

export interface SynthOptions {
  /** Max |rotation| in radians. */
  readonly rotation: number;
  /**
   * Slant range as a shear (x moves by slant × height; > 0 leans right). Symmetric: a right-biased
   * range [-0.25, 0.55] was tried against UNIPEN (where a fifth of the letters lean by more than
   * 0.3) and did not help its strongly slanted samples, which are cursive rather than slanted print.
   */
  readonly slant: readonly [number, number];
  /** Aspect ratio factor range (width scaled by a value in [1/aspect, aspect]). */
  readonly aspect: number;
  /** Pen width range in output pixels (the live path draws at NORMALIZATION.strokeWidth). */
  readonly strokeWidth: readonly [number, number];
  /** Per-stroke displacement, as a fraction of the glyph size (stroke fonts). */
  readonly strokeJitter: number;
  /** Smooth per-point wobble amplitude, as a fraction of the glyph size. */
  readonly wobble: number;
  /**
   * Amplitude of a local deformation (waves of 0.6–1.5 glyph sizes: loops grow or shrink, bowls open,
   * a stem leans on its own), as a fraction of the glyph size; stroke glyphs only. Absent: none.
   */
  readonly detail?: number;
  /**
   * Coarse recording: with this probability the points are snapped to a grid of 1/steps of the glyph
   * size, as a low-resolution tablet records them (normalizeStrokes then smooths the staircase
   * the way it smooths a real one). Stroke glyphs only. Absent: never.
   */
  readonly coarse?: { readonly probability: number; readonly steps: readonly [number, number] };
}

export const DEFAULT_SYNTH: SynthOptions = {
  rotation: (10 * Math.PI) / 180,
  slant: [-0.3, 0.3],
  aspect: 1.25,
  strokeWidth: [1.6, 3.6],
  strokeJitter: 0.035,
  wobble: 0.025,
};

/** Longest side, in raster pixels, at which outline glyphs are filled before normalizeImage. */
const OUTLINE_RENDER = 40;
/** Bounds on the render size when it is chosen to adjust the pen width (see synthFromOutline). */
const MIN_RENDER = 28;
const MAX_STEPS = 3;
const MAX_RENDER = 72;

/** A random affine around the origin: rotation, shear (slant), aspect. */
export function randomAffine(rng: Rng, o: SynthOptions): Affine {
  const th = rng.uniform(-o.rotation, o.rotation);
  // y points down, so leaning right (top to the right) is x -= slant · y.
  const sh = -rng.uniform(o.slant[0], o.slant[1]);
  const asp = Math.exp(rng.uniform(-Math.log(o.aspect), Math.log(o.aspect)));
  const sx = Math.sqrt(asp);
  const sy = 1 / sx;
  const c = Math.cos(th);
  const s = Math.sin(th);
  // M = R · Shear · Scale
  return { a: c * sx, b: (c * sh - s) * sy, c: 0, d: s * sx, e: (s * sh + c) * sy, f: 0 };
}

/** A sinusoidal displacement a · sin(kx·x + ky·y + p). */
interface Wave {
  readonly kx: number;
  readonly ky: number;
  readonly p: number;
  readonly a: number;
}

/** Moves every point by the sum of the `xs` waves along x and the `ys` along y, at its original position. */
function displace(lines: Contour[], xs: readonly Wave[], ys: readonly Wave[]): void {
  for (const l of lines) {
    for (let i = 0; i < l.length; i += 2) {
      const x = l[i];
      const y = l[i + 1];
      for (const w of xs) l[i] += w.a * Math.sin(w.kx * x + w.ky * y + w.p);
      for (const w of ys) l[i + 1] += w.a * Math.sin(w.kx * x + w.ky * y + w.p);
    }
  }
}

/**
 * Smooth wobble: each point moves by a sum of two low-frequency sinusoids in x and y
 * (in glyph-size units), so lines bend as a hand's do instead of jittering point by point.
 */
function wobble(lines: Contour[], size: number, amp: number, rng: Rng): void {
  if (amp <= 0) return;
  const [w0, w1, w2, w3] = [0, 1, 2, 3].map(() => ({
    kx: rng.uniform(1, 4) / size,
    ky: rng.uniform(1, 4) / size,
    p: rng.uniform(0, 2 * Math.PI),
    a: rng.normal() * amp * size * 0.5,
  }));
  displace(lines, [w0, { ...w1, ky: -w1.ky }], [w2, { ...w3, kx: -w3.kx }]);
}

/**
 * Local deformation: a smooth displacement field of three waves per axis with wavelengths of 0.6–1.5
 * glyph sizes, so parts of the glyph change on their own (a loop grows, a bowl opens, a tail swings).
 */
function detail(lines: Contour[], b: ReturnType<typeof boundsOf>, amp: number, rng: Rng): void {
  const size = longestSide(b);
  const waves = Array.from({ length: 6 }, (): Wave => {
    const k = (2 * Math.PI) / (rng.uniform(0.6, 1.5) * size);
    const th = rng.uniform(0, 2 * Math.PI);
    return {
      kx: k * Math.cos(th),
      ky: k * Math.sin(th),
      p: rng.uniform(0, 2 * Math.PI),
      a: rng.normal() * amp * size * 0.6,
    };
  });
  displace(lines, waves.slice(0, 3), waves.slice(3));
}

/**
 * A line resampled densely and snapped to a grid, repeated cells dropped: the staircase a
 * low-resolution tablet records for it.
 */
export function snapToGrid(l: Contour, grid: number): Contour {
  if (l.length < 4) return l;
  const out: Contour = [];
  const put = (x: number, y: number) => {
    const gx = Math.round(x / grid) * grid;
    const gy = Math.round(y / grid) * grid;
    const n = out.length;
    if (n >= 2 && out[n - 2] === gx && out[n - 1] === gy) return;
    out.push(gx, gy);
  };
  put(l[0], l[1]);
  for (let i = 2; i < l.length; i += 2) {
    const len = Math.hypot(l[i] - l[i - 2], l[i + 1] - l[i - 1]);
    const k = Math.max(1, Math.ceil((3 * len) / grid));
    for (let s = 1; s <= k; s++)
      put(l[i - 2] + ((l[i] - l[i - 2]) * s) / k, l[i - 1] + ((l[i + 1] - l[i - 1]) * s) / k);
  }
  return out;
}

/** The longer side of a box, never 0 (it divides). */
function longestSide(b: ReturnType<typeof boundsOf>): number {
  return Math.max(b.x1 - b.x0, b.y1 - b.y0, 1e-6);
}

/** Single-stroke glyph → varied strokes → normalizeStrokes. */
export function synthFromStrokes(
  strokes: readonly Contour[],
  rng: Rng,
  o: SynthOptions = DEFAULT_SYNTH,
): Float32Array {
  const lines = applyAffine(strokes, randomAffine(rng, o));
  const b = boundsOf(lines);
  const size = longestSide(b);
  for (const l of lines) {
    const dx = rng.normal() * o.strokeJitter * size;
    const dy = rng.normal() * o.strokeJitter * size;
    for (let i = 0; i < l.length; i += 2) {
      l[i] += dx;
      l[i + 1] += dy;
    }
  }
  wobble(lines, size, o.wobble, rng);
  if (o.detail) detail(lines, boundsOf(lines), o.detail, rng);
  if (o.coarse && rng.next() < o.coarse.probability) {
    const grid = size / rng.uniform(o.coarse.steps[0], o.coarse.steps[1]);
    for (let j = 0; j < lines.length; j++) lines[j] = snapToGrid(lines[j], grid);
  }
  const strokeList: Stroke[] = lines.map((l) => {
    const points = [];
    for (let i = 0; i < l.length; i += 2) points.push({ x: l[i], y: l[i + 1] });
    return { points };
  });
  const strokeWidth = rng.uniform(o.strokeWidth[0], o.strokeWidth[1]);
  return normalizeStrokes(strokeList, { strokeWidth, soften: 0 });
}

/** Outline glyph → varied outline → filled raster, pen width set to a drawn one → normalizeImage. */
export function synthFromOutline(
  contours: readonly Contour[],
  rng: Rng,
  o: SynthOptions = DEFAULT_SYNTH,
): Float32Array {
  let lines = applyAffine(contours, randomAffine(rng, o));
  wobble(lines, longestSide(boundsOf(lines)), o.wobble, rng);
  const b = boundsOf(lines);
  const extent = longestSide(b);
  // Fonts range from hairline to marker. Their pen width relative to the glyph size is
  // 2·area/perimeter ÷ extent; a person's drawing enters at NORMALIZATION.strokeWidth / box. To move
  // the font toward a sampled target width with k whole-pixel dilations (or erosions), render at the
  // size L where k pixels per side make exactly that change: (rF·L ± 2k) / (L ± 2k) = rT.
  const rF = (2 * polygonArea(lines)) / perimeter(lines) / extent;
  const rT = rng.uniform(o.strokeWidth[0], o.strokeWidth[1]) / NORMALIZATION.box;
  let size = OUTLINE_RENDER;
  let steps = 0;
  const diff = Math.abs(rT - rF);
  if (diff > 2 / MAX_RENDER) {
    steps = 1;
    size = (2 * (1 - rT)) / diff;
    while (size < MIN_RENDER && steps < MAX_STEPS) {
      steps++;
      size = (2 * steps * (1 - rT)) / diff;
    }
  }
  // Into raster pixels: longest side `size`, margin for the dilation.
  const margin = 2 + steps;
  const k = size / extent;
  lines = applyAffine(lines, { a: k, b: 0, c: margin - b.x0 * k, d: 0, e: k, f: margin - b.y0 * k });
  const w = Math.ceil((b.x1 - b.x0) * k) + 2 * margin;
  const h = Math.ceil((b.y1 - b.y0) * k) + 2 * margin;
  let img = fillContours(lines, w, h);
  for (let i = 0; i < steps; i++) img = rT > rF ? dilate(img, w, h) : erode(img, w, h);
  return normalizeImage(img, w, h, { soften: 0 });
}

/** Ink area of contours by the shoelace formula: signed, so holes (wound the other way) subtract. */
function polygonArea(lines: readonly Contour[]): number {
  let total = 0;
  for (const c of lines) {
    const n = c.length;
    for (let i = 0; i < n; i += 2) {
      const j = (i + 2) % n;
      total += c[i] * c[j + 1] - c[j] * c[i + 1];
    }
  }
  return Math.abs(total) / 2;
}

function perimeter(lines: readonly Contour[]): number {
  let p = 0;
  for (const c of lines) {
    const n = c.length;
    for (let i = 0; i < n; i += 2) {
      const j = (i + 2) % n;
      p += Math.hypot(c[j] - c[i], c[j + 1] - c[i + 1]);
    }
  }
  return p || 1;
}

/** One pixel of grey dilation with a soft disc: max of the 4-neighbours and 0.6 × the diagonals. */
function dilate(src: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(w * h);
  let m = 0;
  const keepMax = (i: number, dx: number, dy: number) => {
    const v = src[i] * (dx !== 0 && dy !== 0 ? 0.6 : 1);
    if (v > m) m = v;
  };
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      m = src[y * w + x];
      forEachNeighbour(x, y, w, h, keepMax);
      out[y * w + x] = m;
    }
  }
  return out;
}

/** One pixel of grey erosion: the dual of dilate (paper dilated). */
function erode(src: Float32Array, w: number, h: number): Float32Array {
  const inv = new Float32Array(w * h);
  for (let i = 0; i < inv.length; i++) inv[i] = 1 - src[i];
  const d = dilate(inv, w, h);
  for (let i = 0; i < d.length; i++) d[i] = 1 - d[i];
  return d;
}

/** Dispatch on the glyph's kind. */
export function synthesize(shape: GlyphShape, rng: Rng, o: SynthOptions = DEFAULT_SYNTH): Float32Array {
  return shape.kind === 'strokes'
    ? synthFromStrokes(shape.strokes, rng, o)
    : synthFromOutline(shape.contours, rng, o);
}

export { NORMALIZATION };
