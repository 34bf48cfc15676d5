import { describe, expect, it } from 'vitest';
import type { Stroke } from '../canvas/stroke-machine';
import { glyphInput } from './glyph-input';

const stroke = (scale: number, dx: number): Stroke => ({
  size: 12,
  canvas: 400,
  points: Array.from({ length: 40 }, (_, i) => ({
    x: dx + scale * (50 + 30 * Math.cos(i / 6)),
    y: scale * (60 + 40 * Math.sin(i / 6)),
    pressure: 0.5,
  })),
});

describe('glyphInput', () => {
  it('is all zeros without ink', () => {
    const img = glyphInput({ strokes: [], active: null });
    expect(img).toHaveLength(784);
    expect(img.every((v) => v === 0)).toBe(true);
  });

  it('includes the stroke under way and does not depend on where or how large the glyph was drawn', () => {
    const a = glyphInput({ strokes: [], active: stroke(1, 0) });
    const b = glyphInput({ strokes: [stroke(2.5, 300)], active: null });
    expect(a.reduce((s, v) => s + v, 0)).toBeGreaterThan(10);
    let diff = 0;
    for (let i = 0; i < 784; i++) diff += Math.abs(a[i]! - b[i]!);
    expect(diff / 784).toBeLessThan(0.01);
  });
});
