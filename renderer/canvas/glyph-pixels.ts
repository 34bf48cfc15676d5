// 28×28 images to RGBA pixels, pure: the network's view (white ink on black, as MNIST stores it)
// and the saliency heat map blended over it.

export const GLYPH_SIDE = 28;

/** Ink values (0–1 floats, or 0–255 bytes) → RGBA, white ink on black. */
export function glyphToRgba(
  image: ArrayLike<number>,
  out = new Uint8ClampedArray(image.length * 4),
  scale = 1,
) {
  for (let i = 0; i < image.length; i++) {
    const v = Math.max(0, Math.min(255, Math.round(image[i]! * scale)));
    out[i * 4] = v;
    out[i * 4 + 1] = v;
    out[i * 4 + 2] = v;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/**
 * A heat colour for t in [0, 1]: transparent-ish violet → orange → pale yellow (an "inferno"-like
 * ramp that stays readable over both black paper and white ink).
 */
export function heatColor(t: number): [number, number, number] {
  const c = Math.max(0, Math.min(1, t));
  const stops: [number, number, number][] = [
    [60, 15, 110],
    [190, 40, 90],
    [250, 130, 20],
    [252, 240, 150],
  ];
  const x = c * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(x));
  const f = x - i;
  const a = stops[i]!;
  const b = stops[i + 1]!;
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f, a[2] + (b[2] - a[2]) * f];
}

/**
 * Blend a saliency map (any sign; its magnitude is used, scaled to its own maximum — the recognizer
 * hands over the engine's smoothed, percentile-scaled map, so that maximum is 1) over RGBA pixels.
 * Weak values stay see-through so the glyph remains visible underneath.
 */
export function blendSaliency(rgba: Uint8ClampedArray, saliency: ArrayLike<number>): Uint8ClampedArray {
  let max = 0;
  for (let i = 0; i < saliency.length; i++) max = Math.max(max, Math.abs(saliency[i]!));
  if (max === 0) return rgba;
  for (let i = 0; i < saliency.length; i++) {
    const t = Math.abs(saliency[i]!) / max;
    // The faintest gradients (dense nets spread a little everywhere) stay see-through.
    const alpha = 0.8 * smoothstep(0.3, 0.9, t);
    const [r, g, b] = heatColor(t);
    rgba[i * 4] = rgba[i * 4]! * (1 - alpha) + r * alpha;
    rgba[i * 4 + 1] = rgba[i * 4 + 1]! * (1 - alpha) + g * alpha;
    rgba[i * 4 + 2] = rgba[i * 4 + 2]! * (1 - alpha) + b * alpha;
  }
  return rgba;
}

function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
