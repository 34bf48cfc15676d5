import { describe, expect, it } from 'vitest';
import { skeletonSegments, thin } from './skeleton';

function raster(w: number, h: number, inside: (x: number, y: number) => boolean): Uint8Array {
  const ink = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) ink[y * w + x] = inside(x, y) ? 1 : 0;
  return ink;
}

const count = (a: Uint8Array): number => a.reduce((s, v) => s + v, 0);

/** Pixels of `ink` with more than two 8-neighbours that are not needed to join them (blobs). */
function thickPixels(ink: Uint8Array, w: number, h: number): number {
  let n = 0;
  for (let y = 0; y + 1 < h; y++)
    for (let x = 0; x + 1 < w; x++)
      if (ink[y * w + x] && ink[y * w + x + 1] && ink[(y + 1) * w + x] && ink[(y + 1) * w + x + 1]) n++;
  return n;
}

describe('thin', () => {
  it('reduces a thick bar to a line one pixel wide along its middle', () => {
    const w = 40;
    const h = 12;
    const ink = thin(raster(w, h, (x, y) => x >= 4 && x < 36 && y >= 3 && y < 9), w, h);
    expect(thickPixels(ink, w, h)).toBe(0);
    const rows = new Set<number>();
    for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (ink[y * w + x]) rows.add(y);
    // The centre line of rows 3..8 lies on rows 5 and 6.
    for (const r of rows) expect(r === 5 || r === 6).toBe(true);
    // It keeps most of the bar's length (ends are shortened by about half the width).
    expect(count(ink)).toBeGreaterThanOrEqual(24);
  });

  it('keeps a ring a closed loop: every pixel has two neighbours', () => {
    const w = 32;
    const ink = thin(
      raster(w, w, (x, y) => {
        const r = Math.hypot(x - 15.5, y - 15.5);
        return r >= 8 && r <= 12;
      }),
      w,
      w,
    );
    expect(thickPixels(ink, w, w)).toBe(0);
    let ends = 0;
    for (let y = 0; y < w; y++)
      for (let x = 0; x < w; x++) {
        if (!ink[y * w + x]) continue;
        let n = 0;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) if ((dx || dy) && ink[(y + dy) * w + x + dx]) n++;
        if (n < 2) ends++;
      }
    expect(ends).toBe(0);
    expect(count(ink)).toBeGreaterThan(50);
  });

  it('leaves a line that is already thin as it is, and an empty image empty', () => {
    const w = 20;
    const line = raster(w, w, (x, y) => y === 10 && x >= 3 && x < 17);
    expect(Array.from(thin(line.slice(), w, w))).toEqual(Array.from(line));
    expect(count(thin(new Uint8Array(w * w), w, w))).toBe(0);
  });
});

describe('skeletonSegments', () => {
  it('joins neighbours by unit segments, diagonals only where no corner joins them', () => {
    // An L: (1,1) (1,2) (2,2), plus a diagonal step (3,3).
    const w = 6;
    const skel = raster(w, w, (x, y) => (x === 1 && y === 1) || (x === 1 && y === 2) || (x === 2 && y === 2) || (x === 3 && y === 3));
    const segs = skeletonSegments(skel, w, w);
    expect(segs).toContainEqual([1.5, 1.5, 1.5, 2.5]);
    expect(segs).toContainEqual([1.5, 2.5, 2.5, 2.5]);
    expect(segs).toContainEqual([2.5, 2.5, 3.5, 3.5]);
    // (1,1)–(2,2) is already joined through (1,2).
    expect(segs).not.toContainEqual([1.5, 1.5, 2.5, 2.5]);
    expect(segs).toHaveLength(3);
  });

  it('turns a lone pixel into a dot', () => {
    const w = 5;
    const segs = skeletonSegments(raster(w, w, (x, y) => x === 2 && y === 3), w, w);
    expect(segs).toEqual([[2.5, 3.5]]);
  });
});
