// Raster helpers on grey images stored row-major in a Float32Array (ink = 1, paper = 0):
// ink bounds, centre of mass, and area-averaging (box filter) resampling under scale + translation.
// Browser-safe: no Node, no DOM.

/** A pixel rectangle: columns [x0, x1), rows [y0, y1). */
export interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The smallest rectangle holding every pixel brighter than `threshold`; null when there is none. */
export function inkBounds(
  img: ArrayLike<number>,
  width: number,
  height: number,
  threshold = 0,
): Bounds | null {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      if (img[row + x] > threshold) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  return x1 < 0 ? null : { x0, y0, x1: x1 + 1, y1: y1 + 1 };
}

/**
 * Centre of mass in pixel-index coordinates (pixel (i, j) sits at x = i, y = j), and the total mass.
 * An empty image reports mass 0 and the geometric centre.
 */
export function centreOfMass(
  img: ArrayLike<number>,
  width: number,
  height: number,
): { x: number; y: number; mass: number } {
  let m = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 0; x < width; x++) {
      const v = img[row + x];
      m += v;
      sx += v * x;
      sy += v * y;
    }
  }
  if (!(m > 0)) return { x: (width - 1) / 2, y: (height - 1) / 2, mass: 0 };
  return { x: sx / m, y: sy / m, mass: m };
}

/**
 * One axis of an area-averaging resample: for each target pixel t, the source pixels in `[lo, hi)`
 * that overlap its preimage and their weights. Continuous coordinates: pixel i spans [i, i + 1);
 * the map is target = source * scale + offset. A weight is overlap length × scale, so a target
 * pixel fully covered by source pixels of value v gets v (mass scales by scale per axis).
 */
interface AxisWeights {
  start: Int32Array; // [targets] first source index
  count: Int32Array; // [targets] number of source indices
  weights: Float64Array; // [targets, maxCount]
  maxCount: number;
}

function axisWeights(targets: number, lo: number, hi: number, scale: number, offset: number): AxisWeights {
  const maxCount = Math.ceil(1 / scale) + 2;
  const start = new Int32Array(targets);
  const count = new Int32Array(targets);
  const weights = new Float64Array(targets * maxCount);
  for (let t = 0; t < targets; t++) {
    const a = (t - offset) / scale;
    const b = (t + 1 - offset) / scale;
    const i0 = Math.max(lo, Math.floor(a));
    const i1 = Math.min(hi, Math.ceil(b));
    start[t] = i0;
    let n = 0;
    for (let i = i0; i < i1 && n < maxCount; i++) {
      const overlap = Math.min(b, i + 1) - Math.max(a, i);
      weights[t * maxCount + n] = overlap > 0 ? overlap * scale : 0;
      n++;
    }
    count[t] = i1 > i0 ? n : 0;
  }
  return { start, count, weights, maxCount };
}

/**
 * Resample the `crop` region of `src` into `dst` (dstWidth × dstHeight, overwritten) by area averaging
 * under target = source × scale + (offsetX, offsetY), in continuous pixel coordinates. Anti-aliased for
 * any scale (down: box average; up: box reconstruction with fractional edge coverage). Separable:
 * rows first into a [cropHeight, dstWidth] scratch, then columns.
 */
export function resampleArea(
  src: ArrayLike<number>,
  srcWidth: number,
  crop: Bounds,
  scale: number,
  offsetX: number,
  offsetY: number,
  dst: Float32Array,
  dstWidth: number,
  dstHeight: number,
): void {
  const wx = axisWeights(dstWidth, crop.x0, crop.x1, scale, offsetX);
  const wy = axisWeights(dstHeight, crop.y0, crop.y1, scale, offsetY);
  const rows = crop.y1 - crop.y0;
  const tmp = new Float64Array(rows * dstWidth); // [cropHeight, dstWidth]
  for (let r = 0; r < rows; r++) {
    const srcRow = (crop.y0 + r) * srcWidth;
    for (let t = 0; t < dstWidth; t++) {
      let acc = 0;
      const i0 = wx.start[t];
      const base = t * wx.maxCount;
      for (let k = 0; k < wx.count[t]; k++) acc += wx.weights[base + k] * src[srcRow + i0 + k];
      tmp[r * dstWidth + t] = acc;
    }
  }
  for (let t = 0; t < dstHeight; t++) {
    const j0 = wy.start[t] - crop.y0;
    const base = t * wy.maxCount;
    for (let x = 0; x < dstWidth; x++) {
      let acc = 0;
      for (let k = 0; k < wy.count[t]; k++) acc += wy.weights[base + k] * tmp[(j0 + k) * dstWidth + x];
      dst[t * dstWidth + x] = acc;
    }
  }
}

/** Clamp every value into [0, 1] in place (NaN becomes 0). */
export function clampUnit(img: Float32Array): Float32Array {
  for (let i = 0; i < img.length; i++) {
    const v = img[i];
    // biome-ignore lint/complexity/useMathMinMax: NaN must become 0, which Math.min/max would keep.
    img[i] = v > 0 ? (v < 1 ? v : 1) : 0;
  }
  return img;
}
