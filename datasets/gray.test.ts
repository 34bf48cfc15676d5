import { describe, expect, it } from 'vitest';
import { borderLevel, isDarkOnLight, toInk, toLuminance } from './gray';

describe('gray', () => {
  it('converts RGBA to luminance, compositing transparency over white', () => {
    const px = new Uint8Array([255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 255]);
    const g = toLuminance(px, 3, 1, 4);
    expect(g[0]).toBeCloseTo(0.299, 3);
    expect(g[1]).toBe(1); // transparent → paper
    expect(g[2]).toBe(0);
    expect(() => toLuminance(px, 2, 2, 4)).toThrow(/needs 16 bytes, got 12/);
  });

  it('detects and inverts dark ink on light paper, removing the paper level and faint noise', () => {
    const w = 5;
    const h = 5;
    const g = new Float32Array(w * h).fill(0.9); // grey paper
    g[12] = 0.1; // dark ink in the middle
    g[13] = 0.86; // faint noise, barely darker than the paper
    expect(isDarkOnLight(g, w, h)).toBe(true);
    expect(borderLevel(g, w, h)).toBeCloseTo(0.9, 6);
    const ink = toInk(g, w, h);
    expect(ink[12]).toBe(1);
    expect(ink[13]).toBe(0);
    expect(ink[0]).toBe(0);
  });

  it('leaves light-on-dark images uninverted and blank images blank', () => {
    const g = new Float32Array(9);
    g[4] = 0.5;
    expect(isDarkOnLight(g, 3, 3)).toBe(false);
    expect(toInk(g, 3, 3, { threshold: 0 })[4]).toBe(1);
    expect(toInk(new Float32Array(9).fill(1), 3, 3).every((v) => v === 0)).toBe(true);
  });
});
