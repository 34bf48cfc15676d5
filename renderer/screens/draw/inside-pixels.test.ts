import { describe, expect, it } from 'vitest';
import { BAR_STRIP_HEIGHT, barStrip, tileColumns, tileImages, tileScale } from './inside-pixels';

const pixel = (p: { width: number; rgba: Uint8ClampedArray }, x: number, y: number) =>
  Array.from(p.rgba.subarray((y * p.width + x) * 4, (y * p.width + x) * 4 + 4));

describe('tileImages', () => {
  it('tiles images in rows with 1 px transparent gaps, lo black and hi white', () => {
    const a = Float32Array.of(0, 1, 2, 3); // 2×2
    const b = Float32Array.of(3, 3, 3, 3);
    const p = tileImages([a, b, a], 2, 2, 0, 3);
    expect(tileColumns(3, 2)).toBe(3);
    expect([p.width, p.height]).toEqual([8, 2]);
    expect(pixel(p, 0, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(p, 1, 1)).toEqual([255, 255, 255, 255]);
    expect(pixel(p, 1, 0)).toEqual([85, 85, 85, 255]);
    expect(pixel(p, 2, 0)[3]).toBe(0); // the gap
    expect(pixel(p, 3, 0)).toEqual([255, 255, 255, 255]);
  });

  it('wraps into rows no wider than the row width, and a flat image is black', () => {
    const ims = Array.from({ length: 16 }, () => new Float32Array(28 * 28));
    const p = tileImages(ims, 28, 28, 0, 0);
    expect(tileColumns(16, 28)).toBe(6);
    expect([p.width, p.height]).toEqual([6 * 29 - 1, 3 * 29 - 1]);
    expect(pixel(p, 0, 0)).toEqual([0, 0, 0, 255]);
  });
});

describe('tileScale', () => {
  it('draws small maps larger, in shorter rows, so each reads at about 24 px', () => {
    expect([28, 24, 12, 8, 5, 4, 1].map((h) => tileScale(h, 8))).toEqual([2, 2, 2, 3, 4, 6, 6]);
    // …but a dense layer's 100 filters of 28 × 28 at 1×, ten or so to a row.
    expect(tileScale(28, 100)).toBe(1);
    const ims = Array.from({ length: 24 }, () => new Float32Array(16));
    expect(tileImages(ims, 4, 4, 0, 1, 56).width).toBe(11 * 5 - 1);
  });
});

describe('barStrip', () => {
  it('draws positive values up from the zero line in white and negative ones down in orange', () => {
    const p = barStrip(Float32Array.of(1, -1, 0), -1, 1);
    const bar = 12; // 240 px / 3 values, capped at 12
    expect(p.width).toBe(3 * bar);
    const mid = BAR_STRIP_HEIGHT / 2;
    expect(pixel(p, 0, 0)).toEqual([235, 235, 235, 255]); // the full positive bar reaches the top
    expect(pixel(p, 0, mid)).toEqual([0, 0, 0, 255]); // …and stops at the zero line
    expect(pixel(p, bar, mid)).toEqual([250, 130, 20, 255]);
    expect(pixel(p, bar, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(p, 2 * bar, mid - 1)).toEqual([0, 0, 0, 255]); // zero: no bar
    expect(pixel(p, bar - 1, 0)).toEqual([0, 0, 0, 255]); // a 1 px gap between wide bars
  });

  it('keeps many units to 1 px each, the zero line at the bottom for non-negative values', () => {
    const v = new Float32Array(256).fill(0.5);
    const p = barStrip(v, 0, 1);
    expect(p.width).toBe(256);
    expect(pixel(p, 10, BAR_STRIP_HEIGHT - 1)).toEqual([235, 235, 235, 255]);
    expect(pixel(p, 10, 0)).toEqual([0, 0, 0, 255]);
  });
});
