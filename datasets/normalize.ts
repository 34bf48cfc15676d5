// Glyph normalization, the MNIST procedure, used everywhere a glyph enters a network (live drawing,
// custom samples, imported images): crop to the ink, scale into a 20×20 box keeping the aspect ratio
// (anti-aliased), centre by centre of mass in 28×28, values in [0, 1] with ink = 1.
// LeCun et al., http://yann.lecun.com/exdb/mnist/ ("centered in a 28x28 image by computing the
// center of mass of the pixels"). Browser-safe: no Node, no DOM (the renderer imports it).

import { type Bounds, centreOfMass, clampUnit, inkBounds, resampleArea } from './raster';
import { type Polyline, rasterizePolylines } from './stroke-raster';
import { smoothStaircases } from './stroke-smooth';

/** The normalization spec, recorded in model files so a model knows what its inputs look like. */
export const NORMALIZATION = {
  version: 1,
  /** Output is size × size, row-major, [1, 28, 28]. */
  size: 28,
  /** The ink's bounding box is scaled so its longer side is `box` pixels; aspect ratio kept. */
  box: 20,
  /** Centred by centre of mass, placed at pixel index (massCentre, massCentre). */
  centre: 'mass',
  massCentre: 14,
  /** Raster input is resampled by area averaging (box filter). */
  resample: 'area',
  /** Strokes are rendered from their vectors at this width in output pixels, whatever the brush. */
  strokeWidth: 2.5,
  supersample: 4,
  /** Ink = 1, paper = 0. */
  range: [0, 1],
  /**
   * Strokes recorded on a grid coarser than 1/80 of the glyph (staircases of unit steps) are
   * smoothed by a Gaussian of one grid step before rendering (stroke-smooth.ts).
   */
  staircaseSigma: 1,
  /**
   * Last step, both paths: a 3×3 blur [a, 1, a] ⊗ [a, 1, a] / (1 + 2a)². The images networks train on
   * are soft (MNIST's anti-aliasing, the resampling of every augmentation); a glyph rendered from
   * vectors is crisper than any of them, and real handwriting was recognized better once softened
   * (docs/experiments/2026-11-24-input-normalization.md). Synthetic training data is rendered with
   * `soften: 0` and gets its softness from its augmentation instead.
   */
  soften: 0.2,
} as const;

export type NormalizationSpec = typeof NORMALIZATION;

/** One point of a stroke, in any units with y pointing down (screen pixels, canvas units...). */
export interface StrokePoint {
  x: number;
  y: number;
  /** Pen pressure in [0, 1] when the device reports it. Recorded, not used: width is normalized. */
  pressure?: number;
  /** Milliseconds since the stroke began, when known. */
  t?: number;
}

/** One pen-down-to-pen-up trace. */
export interface Stroke {
  readonly points: readonly StrokePoint[];
}

export interface NormalizeStrokesOptions {
  /** Stroke width in output pixels (default NORMALIZATION.strokeWidth). */
  strokeWidth?: number;
  /** Sub-samples per pixel per axis for anti-aliasing (default 4). */
  supersample?: number;
  /**
   * Smallest glyph extent in input units: a glyph smaller than this is scaled as if it were this
   * large, so a tap with a tiny wobble stays a dot instead of becoming a full-size stroke (default 0;
   * a drawing canvas might pass a few percent of its side).
   */
  minExtent?: number;
  /** The final blur's side weight (default NORMALIZATION.soften; 0 for none). */
  soften?: number;
  size?: number;
  box?: number;
}

export interface NormalizeImageOptions {
  /** Pixels above this value count as ink when cropping (default 0: any ink). */
  threshold?: number;
  /** The final blur's side weight (default NORMALIZATION.soften; 0 for none). */
  soften?: number;
  size?: number;
  box?: number;
}

/**
 * Strokes (any position, size and brush) → the network's input, Float32Array(size²) in [0, 1].
 * The strokes are rendered from their vectors at a fixed width relative to the box, so the output
 * does not depend on where or how large the person drew, or with which brush. No ink → all zeros.
 */
export function normalizeStrokes(
  strokes: readonly Stroke[],
  options: NormalizeStrokesOptions = {},
): Float32Array {
  const size = options.size ?? NORMALIZATION.size;
  const box = options.box ?? NORMALIZATION.box;
  const width = Math.min(options.strokeWidth ?? NORMALIZATION.strokeWidth, box);
  const supersample = options.supersample ?? NORMALIZATION.supersample;
  const out = new Float32Array(size * size);

  const raw = boundsOfStrokes(strokes);
  if (raw === null) return out;
  // A staircase recorded on a coarse grid (a low-resolution tablet, a small drawing in whole pixels)
  // is smoothed first, so its steps do not become corners the pen never made.
  const glyph = smoothStaircases(strokes, Math.max(raw.maxX - raw.minX, raw.maxY - raw.minY));
  const { minX, minY, maxX, maxY } = glyph === strokes ? raw : (boundsOfStrokes(glyph) ?? raw);

  // The ink's extent is the skeleton's extent × scale + one stroke width; its longer side fills the box.
  const extent = Math.max(maxX - minX, maxY - minY, options.minExtent ?? 0);
  const scale = extent > 0 ? (box - width) / extent : 0;
  const centreX = (minX + maxX) / 2;
  const centreY = (minY + maxY) / 2;
  const target = (size / 2) | 0;

  const render = (cx: number, cy: number): void => {
    // Maps input (centreX, centreY) to continuous output (cx, cy).
    const lines: Polyline[] = [];
    for (const s of glyph) {
      const flat: number[] = [];
      for (const p of s.points) {
        if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
        flat.push((p.x - centreX) * scale + cx, (p.y - centreY) * scale + cy);
      }
      if (flat.length > 0) lines.push(flat);
    }
    rasterizePolylines(lines, out, size, size, { width, supersample });
  };

  // Place the box centre first, then shift so the centre of mass lands on the target pixel.
  // Rendering is exact under translation, so one correction suffices (up to clipping at the border).
  let cx = target + 0.5;
  let cy = target + 0.5;
  render(cx, cy);
  const com = centreOfMass(out, size, size);
  if (com.mass > 0) {
    cx += target - com.x;
    cy += target - com.y;
    render(cx, cy);
  }
  return clampUnit(soften(out, size, options.soften ?? NORMALIZATION.soften));
}

interface StrokeBounds {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

/** Bounds of the finite points, or null when there are none. */
function boundsOfStrokes(strokes: readonly Stroke[]): StrokeBounds | null {
  const b = {
    minX: Number.POSITIVE_INFINITY,
    minY: Number.POSITIVE_INFINITY,
    maxX: Number.NEGATIVE_INFINITY,
    maxY: Number.NEGATIVE_INFINITY,
  };
  for (const s of strokes) {
    for (const p of s.points) {
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
      if (p.x < b.minX) b.minX = p.x;
      if (p.x > b.maxX) b.maxX = p.x;
      if (p.y < b.minY) b.minY = p.y;
      if (p.y > b.maxY) b.maxY = p.y;
    }
  }
  return b.maxX >= b.minX ? b : null;
}

/**
 * A grey image (ink = 1, paper = 0; see gray.ts to get there from photos or dark-on-light scans)
 * → the network's input, Float32Array(size²) in [0, 1]. Crops to the ink, scales by area averaging
 * so the longer side is `box` pixels, centres by centre of mass. No ink → all zeros.
 */
export function normalizeImage(
  gray: ArrayLike<number>,
  width: number,
  height: number,
  options: NormalizeImageOptions = {},
): Float32Array {
  if (gray.length !== width * height) {
    throw new Error(`normalizeImage: ${width}×${height} needs ${width * height} values, got ${gray.length}`);
  }
  const size = options.size ?? NORMALIZATION.size;
  const box = options.box ?? NORMALIZATION.box;
  const out = new Float32Array(size * size);
  const bounds = inkBounds(gray, width, height, options.threshold ?? 0);
  if (bounds === null) return out;

  // A clamped copy of the crop, so out-of-range or NaN input cannot leak through.
  const cw = bounds.x1 - bounds.x0;
  const ch = bounds.y1 - bounds.y0;
  const crop = new Float32Array(cw * ch);
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) crop[y * cw + x] = gray[(bounds.y0 + y) * width + bounds.x0 + x];
  }
  clampUnit(crop);
  const com = centreOfMass(crop, cw, ch);
  if (com.mass === 0) return out;

  const scale = box / Math.max(cw, ch);
  const whole: Bounds = { x0: 0, y0: 0, x1: cw, y1: ch };
  const target = ((size / 2) | 0) + 0.5; // continuous coordinate of the target pixel's centre
  // Continuous source centre of mass is com + 0.5; map it onto the target pixel centre.
  let ox = target - (com.x + 0.5) * scale;
  let oy = target - (com.y + 0.5) * scale;
  resampleArea(crop, cw, whole, scale, ox, oy, out, size, size);
  // Area averaging moves the discrete centre of mass by a fraction of a pixel: correct it once.
  const got = centreOfMass(out, size, size);
  const ex = target - 0.5 - got.x;
  const ey = target - 0.5 - got.y;
  if (got.mass > 0 && (Math.abs(ex) > 1e-3 || Math.abs(ey) > 1e-3)) {
    ox += ex;
    oy += ey;
    resampleArea(crop, cw, whole, scale, ox, oy, out, size, size);
  }
  return clampUnit(soften(out, size, options.soften ?? NORMALIZATION.soften));
}

/**
 * In place: the separable 3×3 blur [a, 1, a] / (1 + 2a) along rows, then columns (zero beyond the
 * border). Symmetric, so the centre of mass stays where it was (up to ink pushed past the border).
 */
export function soften(img: Float32Array, size: number, a: number): Float32Array {
  if (!(a > 0)) return img;
  const k = 1 / (1 + 2 * a);
  const row = new Float32Array(size);
  for (let y = 0; y < size; y++) {
    const o = y * size;
    for (let x = 0; x < size; x++) row[x] = img[o + x];
    for (let x = 0; x < size; x++) {
      img[o + x] = k * (row[x] + a * ((x > 0 ? row[x - 1] : 0) + (x + 1 < size ? row[x + 1] : 0)));
    }
  }
  for (let x = 0; x < size; x++) {
    for (let y = 0; y < size; y++) row[y] = img[y * size + x];
    for (let y = 0; y < size; y++) {
      img[y * size + x] = k * (row[y] + a * ((y > 0 ? row[y - 1] : 0) + (y + 1 < size ? row[y + 1] : 0)));
    }
  }
  return img;
}

/** Convenience: strokes given as arrays of [x, y] pairs. */
export function strokesFromPairs(lines: readonly (readonly (readonly [number, number])[])[]): Stroke[] {
  return lines.map((line) => ({ points: line.map(([x, y]) => ({ x, y })) }));
}
