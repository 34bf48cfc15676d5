// Data augmentation for 28×28 glyph images (ink = 1), seeded and in place on a batch buffer:
// a random affine transform (rotation, scale, shear, translation) and an elastic distortion
// (Simard, Steinkraus & Platt 2003, "Best Practices for Convolutional Neural Networks Applied to
// Visual Document Analysis": a field of uniform random displacements in [-1, 1], smoothed by a
// Gaussian of width σ and scaled by α), combined into one displacement field and applied with a
// single bilinear resample; then a stroke-thickness change (grey-scale dilation or erosion, blended
// by a random strength). Browser-safe: no Node, no DOM. No allocation per call: scratch buffers live
// in the Augmenter.

import type { Rng } from '../engine/rng';
import type { Tensor } from '../engine/tensor';

export interface AugmentOptions {
  /** Largest rotation, degrees: each image turns by uniform(-rotation, rotation). */
  rotation: number;
  /** Largest relative size change: each image scales by uniform(1 - scale, 1 + scale). */
  scale: number;
  /** Largest horizontal shear factor (x += shear·y): uniform(-shear, shear). */
  shear: number;
  /** Largest translation, pixels, per axis: uniform(-translate, translate). */
  translate: number;
  /** Elastic distortion strength α in pixels (0 turns it off). With σ = 4, α = 34 moves pixels ≈ 1.4 px rms. */
  elasticAlpha: number;
  /** Elastic smoothing σ in pixels. */
  elasticSigma: number;
  /**
   * Largest stroke-thickness change in [0, 1]: > 0 blends towards dilation, < 0 towards erosion (3×3 cross).
   * Full erosion takes a pixel off each side of a stroke, which nearly erases a 2.5-px stroke: keep it ≤ 0.5.
   */
  thickness: number;
  /** Chance that a given image is augmented at all, in [0, 1]. */
  probability: number;
}

/** Identity: every image is left as it is. */
export const NO_AUGMENT: AugmentOptions = {
  rotation: 0,
  scale: 0,
  shear: 0,
  translate: 0,
  elasticAlpha: 0,
  elasticSigma: 4,
  thickness: 0,
  probability: 1,
};

/** Moderate settings for MNIST-like digits and letters: Simard's elastic field plus small affine changes. */
export const DEFAULT_AUGMENT: AugmentOptions = {
  rotation: 10,
  scale: 0.1,
  shear: 0.15,
  translate: 2,
  elasticAlpha: 34,
  elasticSigma: 4,
  thickness: 0.4,
  probability: 1,
};

/** Augmentation by name, as a recipe asks for it: `full` is the app's (affine + elastic + thickness). */
export const NAMED_AUGMENT: Readonly<
  Record<'none' | 'affine' | 'affine-elastic' | 'full', AugmentOptions | undefined>
> = {
  none: undefined,
  affine: { ...DEFAULT_AUGMENT, elasticAlpha: 0, thickness: 0 },
  'affine-elastic': { ...DEFAULT_AUGMENT, thickness: 0 },
  full: DEFAULT_AUGMENT,
};

/** Every field multiplied by `strength` (0 = identity, 1 = as given); σ and probability unchanged. */
export function scaleAugment(options: AugmentOptions, strength: number): AugmentOptions {
  return {
    ...options,
    rotation: options.rotation * strength,
    scale: options.scale * strength,
    shear: options.shear * strength,
    translate: options.translate * strength,
    elasticAlpha: options.elasticAlpha * strength,
    thickness: options.thickness * strength,
  };
}

function isIdentity(o: AugmentOptions): boolean {
  return (
    o.probability <= 0 ||
    (o.rotation === 0 &&
      o.scale === 0 &&
      o.shear === 0 &&
      o.translate === 0 &&
      o.elasticAlpha === 0 &&
      o.thickness === 0)
  );
}

/** Holds the options, the Gaussian kernel and the scratch buffers for one image size. */
export class Augmenter {
  readonly options: AugmentOptions;
  readonly size: number;
  private readonly kernel: Float32Array;
  private readonly src: Float32Array; // [size²] the image being transformed
  private readonly fieldX: Float32Array; // [size²] displacement, pixels
  private readonly fieldY: Float32Array;
  private readonly tmp: Float32Array; // [size²] blur pass / morphology scratch

  constructor(options: AugmentOptions = DEFAULT_AUGMENT, size = 28) {
    this.options = { ...options };
    this.size = size;
    const n = size * size;
    this.src = new Float32Array(n);
    this.fieldX = new Float32Array(n);
    this.fieldY = new Float32Array(n);
    this.tmp = new Float32Array(n);
    this.kernel = gaussianKernel(options.elasticSigma);
  }

  /**
   * Augment `count` images of `images` ([count, size²], values in [0, 1]) in place. The same rng
   * state gives the same result; rng draws per image are fixed in number and order.
   */
  apply(images: Float32Array, count: number, rng: Rng): void {
    const n = this.size * this.size;
    if (images.length < count * n) {
      throw new Error(`augment: ${count} images of ${n} values need ${count * n}, got ${images.length}`);
    }
    if (isIdentity(this.options)) return;
    for (let k = 0; k < count; k++) this.applyOne(images, k * n, rng);
  }

  private applyOne(images: Float32Array, offset: number, rng: Rng): void {
    const o = this.options;
    const size = this.size;
    const n = size * size;
    // Draw every random number up front, whether or not the image is augmented, so the stream
    // consumed per image does not depend on the outcome.
    const skip = rng.next() >= o.probability;
    const angle = (rng.uniform(-1, 1) * o.rotation * Math.PI) / 180;
    const s = 1 + rng.uniform(-1, 1) * o.scale;
    const shear = rng.uniform(-1, 1) * o.shear;
    const tx = rng.uniform(-1, 1) * o.translate;
    const ty = rng.uniform(-1, 1) * o.translate;
    const thick = rng.uniform(-1, 1) * o.thickness;
    const elastic = o.elasticAlpha > 0;
    if (elastic) this.elasticField(rng);
    if (skip) return;

    this.src.set(images.subarray(offset, offset + n));
    // Forward map about the centre c: p = c + t + R(angle)·Shear·s·(q - c). We need its inverse,
    // q = c + A⁻¹(p - c - t), with A = s·R·[[1, shear], [0, 1]].
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    const a00 = s * cos;
    const a01 = s * (cos * shear - sin);
    const a10 = s * sin;
    const a11 = s * (sin * shear + cos);
    const det = a00 * a11 - a01 * a10;
    const i00 = a11 / det;
    const i01 = -a01 / det;
    const i10 = -a10 / det;
    const i11 = a00 / det;
    const c = (size - 1) / 2;
    const fx = this.fieldX;
    const fy = this.fieldY;
    for (let y = 0; y < size; y++) {
      const py = y - c - ty;
      for (let x = 0; x < size; x++) {
        const px = x - c - tx;
        const i = y * size + x;
        let qx = c + i00 * px + i01 * py;
        let qy = c + i10 * px + i11 * py;
        if (elastic) {
          qx += fx[i];
          qy += fy[i];
        }
        images[offset + i] = bilinear(this.src, size, qx, qy);
      }
    }
    if (thick !== 0) this.thickness(images, offset, thick);
  }

  /** Fill fieldX/fieldY with uniform(-1, 1) noise, Gaussian-smoothed (separable) and scaled by α. */
  private elasticField(rng: Rng): void {
    const n = this.size * this.size;
    for (let i = 0; i < n; i++) this.fieldX[i] = rng.uniform(-1, 1);
    for (let i = 0; i < n; i++) this.fieldY[i] = rng.uniform(-1, 1);
    this.smooth(this.fieldX, this.options.elasticAlpha);
    this.smooth(this.fieldY, this.options.elasticAlpha);
  }

  /** In-place separable Gaussian blur with clamp-to-edge borders, then × gain: along x, then along y. */
  private smooth(field: Float32Array, gain: number): void {
    blurLines(field, this.tmp, this.size, this.kernel, 1, 1);
    blurLines(this.tmp, field, this.size, this.kernel, this.size, gain);
  }

  /** Blend the image towards its grey-scale dilation (strength > 0) or erosion (< 0), 3×3 cross. */
  private thickness(images: Float32Array, offset: number, strength: number): void {
    const size = this.size;
    const n = size * size;
    const v = this.tmp;
    v.set(images.subarray(offset, offset + n));
    const dilate = strength > 0;
    const t = Math.abs(strength);
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const i = y * size + x;
        let m = v[i];
        // Outside the image is paper (0): it erodes the border and never dilates.
        const l = x > 0 ? v[i - 1] : 0;
        const r = x < size - 1 ? v[i + 1] : 0;
        const u = y > 0 ? v[i - size] : 0;
        const d = y < size - 1 ? v[i + size] : 0;
        if (dilate) m = Math.max(m, l, r, u, d);
        else m = Math.min(m, l, r, u, d);
        images[offset + i] = v[i] + t * (m - v[i]);
      }
    }
  }
}

/** Normalized 1-D Gaussian, radius ⌈3σ⌉. */
function gaussianKernel(sigma: number): Float32Array {
  if (!(sigma > 0)) return new Float32Array([1]);
  const r = Math.ceil(3 * sigma);
  const k = new Float32Array(2 * r + 1);
  let sum = 0;
  for (let i = -r; i <= r; i++) {
    const w = Math.exp(-(i * i) / (2 * sigma * sigma));
    k[i + r] = w;
    sum += w;
  }
  for (let i = 0; i < k.length; i++) k[i] /= sum;
  return k;
}

/** Bilinear sample at pixel-index coordinates, paper (0) outside; result clamped to [0, 1]. */
export function bilinear(img: Float32Array, size: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < -1 || y0 < -1 || x0 >= size || y0 >= size) return 0;
  const fx = x - x0;
  const fy = y - y0;
  const inX0 = x0 >= 0;
  const inX1 = x0 + 1 < size;
  const i = y0 * size + x0;
  let top = 0;
  let bottom = 0;
  if (y0 >= 0) top = (inX0 ? (1 - fx) * img[i] : 0) + (inX1 ? fx * img[i + 1] : 0);
  if (y0 + 1 < size) bottom = (inX0 ? (1 - fx) * img[i + size] : 0) + (inX1 ? fx * img[i + size + 1] : 0);
  const v = (1 - fy) * top + fy * bottom;
  return Math.min(Math.max(v, 0), 1);
}

const cache = new WeakMap<AugmentOptions, Augmenter>();

/**
 * The training loop's per-batch hook: augment `count` 28×28 images of `images` ([count, 784]) in place.
 * The Augmenter (kernel, scratch) is cached per options object, so pass the same object each batch
 * and treat it as immutable (a changed object needs a new Augmenter).
 */
export function augmentBatch(
  images: Float32Array,
  count: number,
  rng: Rng,
  options: AugmentOptions = DEFAULT_AUGMENT,
): void {
  let aug = cache.get(options);
  if (aug === undefined) {
    aug = new Augmenter(options);
    cache.set(options, aug);
  }
  aug.apply(images, count, rng);
}

/**
 * The same as a hook for the engine's `TrainOptions.augment`: augments the gathered batch
 * ([batch, 1, 28, 28] or [batch, 784]) in place and returns undefined (use the batch as it is).
 */
export function augmentHook(
  options: AugmentOptions = DEFAULT_AUGMENT,
): (images: Tensor, rng: Rng) => undefined {
  const aug = new Augmenter(options);
  return (images, rng) => {
    aug.apply(images.data, images.shape[0], rng);
    return undefined;
  };
}

/**
 * One pass of a 1-D kernel over a size×size grid, clamped to the edge, × gain, into `out`. `step` is
 * the distance between neighbours along the pass: 1 blurs along x (rows), `size` along y (columns).
 */
function blurLines(
  src: Float32Array,
  out: Float32Array,
  size: number,
  k: Float32Array,
  step: number,
  gain: number,
): void {
  const r = k.length >> 1;
  const across = step === 1 ? size : 1; // from one line to the next
  for (let line = 0; line < size; line++) {
    const base = line * across;
    for (let p = 0; p < size; p++) {
      let acc = 0;
      for (let j = -r; j <= r; j++) {
        const q = p + j < 0 ? 0 : p + j >= size ? size - 1 : p + j;
        acc += k[j + r] * src[base + q * step];
      }
      out[base + p * step] = acc * gain;
    }
  }
}
