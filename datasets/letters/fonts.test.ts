import { describe, expect, it } from 'vitest';
import { loadAllFaces, OUTLINE_FONTS, parseStrokePath, STROKE_FONTS } from './fonts';

describe('parseStrokePath', () => {
  it('splits at M and reads implicit L repeats, comma or space separated', () => {
    expect(parseStrokePath('M4,1 L4,22 M4,11 L6,9 8,8')).toEqual([
      [4, 1, 4, 22],
      [4, 11, 6, 9, 8, 8],
    ]);
    expect(parseStrokePath('M 444 665 L 403.5 592 L -2 1e-1')).toEqual([[444, 665, 403.5, 592, -2, 0.1]]);
  });
});

describe('font catalogue', () => {
  const faces = loadAllFaces();

  it('has every letter (both cases) and every digit in every face', () => {
    const missing: string[] = [];
    for (const f of faces) {
      for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') {
        if (f.glyph(ch) === null) missing.push(`${f.name}:${ch}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('holds out whole fonts on both sides for the test split', () => {
    const test = faces.filter((f) => f.split === 'test');
    expect(test.some((f) => f.kind === 'outline')).toBe(true);
    expect(test.some((f) => f.kind === 'strokes')).toBe(true);
    expect(faces.filter((f) => f.split === 'train').length).toBeGreaterThan(3 * test.length);
    expect(OUTLINE_FONTS.length + STROKE_FONTS.length).toBe(28 + 15);
  });

  it('gives glyphs in em units with y down (a capital sits above the baseline)', () => {
    const g = faces[0].glyph('T')!;
    const ys = g.kind === 'outline' ? g.contours.flat().filter((_, i) => i % 2 === 1) : [];
    expect(Math.min(...ys)).toBeLessThan(-0.3);
    expect(Math.max(...ys)).toBeLessThan(0.2);
  });
});
