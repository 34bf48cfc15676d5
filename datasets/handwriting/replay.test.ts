import { describe, expect, it } from 'vitest';
import { drawStrokes } from './pen-raster';
import { replay } from './replay';
import type { Point } from './unipen';

// An 'L' in tablet units (y down), drawn in one stroke, and a dot.
const L: Point[][] = [
  [
    [100, 100],
    [100, 400],
    [260, 400],
  ],
];

describe('drawStrokes', () => {
  it('scales the longest side to glyphSize and draws a pen of penWidth', () => {
    const { image, width, height } = drawStrokes(L, { glyphSize: 60, penWidth: 6 });
    expect(height).toBeGreaterThan(60);
    expect(height).toBeLessThan(75);
    // A horizontal cut through the vertical bar has ≈ penWidth of ink.
    const y = Math.floor(height / 2);
    let ink = 0;
    for (let x = 0; x < width; x++) ink += image[y * width + x];
    expect(ink).toBeGreaterThan(5);
    expect(ink).toBeLessThan(7);
  });

  it('draws a one-point stroke as a dot', () => {
    const { image } = drawStrokes([[[5, 5]]], { glyphSize: 10, penWidth: 4 });
    expect(Math.max(...image)).toBe(1);
  });
});

describe('replay', () => {
  it('gives a centred 28×28 glyph through both paths, and both agree roughly', () => {
    const a = replay(L, 'strokes');
    const b = replay(L, 'image');
    for (const x of [a, b]) {
      expect(x.length).toBe(784);
      let m = 0;
      let cx = 0;
      for (let i = 0; i < 784; i++) {
        m += x[i];
        cx += x[i] * (i % 28);
      }
      expect(Math.abs(cx / m - 14)).toBeLessThan(0.6);
    }
    let dot = 0;
    let na = 0;
    let nb = 0;
    for (let i = 0; i < 784; i++) {
      dot += a[i] * b[i];
      na += a[i] * a[i];
      nb += b[i] * b[i];
    }
    expect(dot / Math.sqrt(na * nb)).toBeGreaterThan(0.7);
  });
});
