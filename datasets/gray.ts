// From decoded pixels (any channel count) to an ink image (ink = 1, paper = 0) ready for
// normalizeImage: luminance, auto-invert of dark-on-light images, background clean-up.
// Browser-safe: no Node, no DOM.

/**
 * Interleaved 8-bit pixels (1 grey, 2 grey+alpha, 3 RGB, 4 RGBA) → luminance in [0, 1]
 * (Rec. 601 weights). Transparent pixels are composited over white paper.
 */
export function toLuminance(
  pixels: ArrayLike<number>,
  width: number,
  height: number,
  channels: number,
): Float32Array {
  if (channels < 1 || channels > 4) throw new Error(`toLuminance: ${channels} channels (expected 1 to 4)`);
  if (pixels.length !== width * height * channels) {
    throw new Error(
      `toLuminance: ${width}×${height}×${channels} needs ${width * height * channels} bytes, got ${pixels.length}`,
    );
  }
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) {
    const p = i * channels;
    let lum: number;
    if (channels <= 2) lum = pixels[p] / 255;
    else lum = (0.299 * pixels[p] + 0.587 * pixels[p + 1] + 0.114 * pixels[p + 2]) / 255;
    const alpha = channels === 2 || channels === 4 ? pixels[p + channels - 1] / 255 : 1;
    out[i] = lum * alpha + (1 - alpha);
  }
  return out;
}

/** Median of the pixels on the image's border: the paper's level in a scan or photo. */
export function borderLevel(gray: ArrayLike<number>, width: number, height: number): number {
  const values: number[] = [];
  for (let x = 0; x < width; x++) {
    values.push(gray[x]);
    if (height > 1) values.push(gray[(height - 1) * width + x]);
  }
  for (let y = 1; y < height - 1; y++) {
    values.push(gray[y * width]);
    if (width > 1) values.push(gray[y * width + width - 1]);
  }
  if (values.length === 0) return 0;
  values.sort((a, b) => a - b);
  return values[values.length >> 1];
}

/** Whether an image is dark ink on light paper (its border is mostly light). */
export function isDarkOnLight(gray: ArrayLike<number>, width: number, height: number): boolean {
  return borderLevel(gray, width, height) > 0.5;
}

export function invertInPlace(gray: Float32Array): Float32Array {
  for (let i = 0; i < gray.length; i++) gray[i] = 1 - gray[i];
  return gray;
}

export interface ToInkOptions {
  /** 'auto' inverts dark-on-light images (default); true/false force it. */
  invert?: 'auto' | boolean;
  /** Remove the paper's level and noise below this fraction of the ink's range (default 0.1; 0 keeps all). */
  threshold?: number;
}

/**
 * Luminance → ink image (ink = 1, paper = 0), in place: invert when dark-on-light, subtract the
 * paper's level (border median), stretch so the strongest ink is 1, and fade out faint noise with a
 * soft threshold (values below `threshold` become 0, the rest are rescaled, so edges stay smooth).
 */
export function toInk(
  gray: Float32Array,
  width: number,
  height: number,
  options: ToInkOptions = {},
): Float32Array {
  const invert = options.invert ?? 'auto';
  if (invert === true || (invert === 'auto' && isDarkOnLight(gray, width, height))) invertInPlace(gray);
  const threshold = options.threshold ?? 0.1;
  const paper = borderLevel(gray, width, height);
  let peak = 0;
  for (let i = 0; i < gray.length; i++) if (gray[i] > peak) peak = gray[i];
  const range = peak - paper;
  if (!(range > 1e-6)) return gray.fill(0);
  for (let i = 0; i < gray.length; i++) {
    let v = (gray[i] - paper) / range;
    v = threshold > 0 ? (v - threshold) / (1 - threshold) : v;
    // biome-ignore lint/complexity/useMathMinMax: NaN (from NaN input) must become 0, which Math.min/max would keep.
    gray[i] = v > 0 ? (v < 1 ? v : 1) : 0;
  }
  return gray;
}
