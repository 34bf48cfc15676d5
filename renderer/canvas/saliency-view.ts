// The saliency overlay as the Draw screen shows it, pure: the 28×28 glyph upscaled `factor` times
// (nearest neighbour: the network's pixels stay visible) and dimmed so the heat colours stand out,
// with the saliency map upscaled smoothly (bilinear) and blended over it in the heat colour map.
// At 28×28 the blend was a blur of a few coloured squares on a ~140 px thumbnail; upscaled, the
// hot regions read as shapes over the strokes.

import { GLYPH_SIDE, heatColor } from './glyph-pixels';

/** How much of the ink stays under the heat map (the rest is dimmed away). */
const INK_UNDER_HEAT = 0.45;

/**
 * RGBA pixels of side 28·factor. `image` is 784 ink values scaled by `scale` to 0–255; `saliency`
 * is 784 values of any sign (their magnitude counts, relative to the largest).
 */
export function saliencyView(
  image: ArrayLike<number>,
  saliency: ArrayLike<number>,
  factor: number,
  scale = 255,
): Uint8ClampedArray<ArrayBuffer> {
  const side = GLYPH_SIDE * factor;
  const out = new Uint8ClampedArray(new ArrayBuffer(side * side * 4));
  let max = 0;
  for (let i = 0; i < saliency.length; i++) max = Math.max(max, Math.abs(saliency[i]!));
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const gx = Math.floor(x / factor);
      const gy = Math.floor(y / factor);
      const ink = Math.max(0, Math.min(255, image[gy * GLYPH_SIDE + gx]! * scale)) * INK_UNDER_HEAT;
      const t =
        max === 0 ? 0 : sampleBilinear(saliency, (x + 0.5) / factor - 0.5, (y + 0.5) / factor - 0.5) / max;
      // Faint gradients (dense nets spread a little everywhere) stay see-through.
      const alpha = 0.85 * smoothstep(0.15, 0.7, t);
      const [r, g, b] = heatColor(t);
      const o = (y * side + x) * 4;
      out[o] = ink * (1 - alpha) + r * alpha;
      out[o + 1] = ink * (1 - alpha) + g * alpha;
      out[o + 2] = ink * (1 - alpha) + b * alpha;
      out[o + 3] = 255;
    }
  }
  return out;
}

/** |map| at a fractional 28×28 position, clamped at the borders. */
function sampleBilinear(map: ArrayLike<number>, fx: number, fy: number): number {
  const last = GLYPH_SIDE - 1;
  const x0 = Math.max(0, Math.min(last, Math.floor(fx)));
  const y0 = Math.max(0, Math.min(last, Math.floor(fy)));
  const x1 = Math.min(last, x0 + 1);
  const y1 = Math.min(last, y0 + 1);
  const tx = Math.max(0, Math.min(1, fx - x0));
  const ty = Math.max(0, Math.min(1, fy - y0));
  const at = (x: number, y: number) => Math.abs(map[y * GLYPH_SIDE + x]!);
  const top = at(x0, y0) * (1 - tx) + at(x1, y0) * tx;
  const bottom = at(x0, y1) * (1 - tx) + at(x1, y1) * tx;
  return top * (1 - ty) + bottom * ty;
}

function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.max(0, Math.min(1, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}
