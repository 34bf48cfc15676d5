import { describe, expect, it } from 'vitest';
import { GLYPH_SIDE } from './glyph-pixels';
import { saliencyView } from './saliency-view';

const N = GLYPH_SIDE * GLYPH_SIDE;

function pixel(rgba: Uint8ClampedArray, side: number, x: number, y: number): number[] {
  const o = (y * side + x) * 4;
  return [rgba[o]!, rgba[o + 1]!, rgba[o + 2]!, rgba[o + 3]!];
}

describe('saliencyView', () => {
  it('upscales the glyph by the factor, opaque', () => {
    const out = saliencyView(new Float32Array(N), new Float32Array(N), 8);
    expect(out.length).toBe(224 * 224 * 4);
    expect(pixel(out, 224, 100, 100)[3]).toBe(255);
  });

  it('dims the ink and keeps the pixels square where nothing is salient', () => {
    const image = new Float32Array(N);
    image[5 * GLYPH_SIDE + 5] = 1;
    const out = saliencyView(image, new Float32Array(N), 4);
    const inside = pixel(out, 112, 5 * 4, 5 * 4);
    expect(inside[0]).toBeGreaterThan(90);
    expect(inside[0]).toBeLessThan(140);
    expect(pixel(out, 112, 5 * 4 + 3, 5 * 4 + 3)).toEqual(inside);
    expect(pixel(out, 112, 6 * 4, 5 * 4)[0]).toBe(0);
  });

  it('colours the salient region in warm tones, strongest at the peak, and leaves far pixels alone', () => {
    const saliency = new Float32Array(N);
    saliency[14 * GLYPH_SIDE + 14] = -2; // sign does not matter
    const out = saliencyView(new Float32Array(N), saliency, 4);
    const [r, g, b] = pixel(out, 112, 14 * 4 + 2, 14 * 4 + 2);
    expect(r).toBeGreaterThan(200);
    expect(r).toBeGreaterThan(b!);
    expect(g).toBeGreaterThan(100);
    expect(pixel(out, 112, 2, 2).slice(0, 3)).toEqual([0, 0, 0]);
  });
});
