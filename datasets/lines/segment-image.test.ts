import { describe, expect, it } from 'vitest';
import { boxIou, boxWidth, xOverlap } from './box';
import { drawLine } from './draw-line';
import { digitLines, loadHeldOutUnipen } from './held-out-lines';
import { imageOfAtoms, segmentImage } from './segment-image';

/** A width × height image with ink rectangles [x0, y0, x1, y1) (ink = 1). */
function image(width: number, height: number, rects: [number, number, number, number][]): Float32Array {
  const img = new Float32Array(width * height);
  for (const [x0, y0, x1, y1] of rects)
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) img[y * width + x] = 1;
  return img;
}

describe('segmentImage', () => {
  it('finds the ink components left to right, with boxes in pixel edges and their own pixels', () => {
    const img = image(60, 30, [
      [40, 5, 44, 25],
      [5, 5, 9, 25],
      [20, 5, 30, 25],
    ]);
    const atoms = segmentImage(img, 60, 30);
    expect(atoms.map((a) => a.box)).toEqual([
      { x0: 5, y0: 5, x1: 9, y1: 25 },
      { x0: 20, y0: 5, x1: 30, y1: 25 },
      { x0: 40, y0: 5, x1: 44, y1: 25 },
    ]);
    expect(atoms[0].mask).toHaveLength(4 * 20);
    expect(atoms[0].mask.every((v) => v === 1)).toBe(true);
  });

  it('joins diagonal neighbours (8-connectivity) and drops specks', () => {
    const img = new Float32Array(10 * 10);
    for (let i = 0; i < 8; i++) img[i * 10 + i] = 1; // a diagonal line
    img[9 * 10 + 2] = 1; // a one-pixel speck
    const atoms = segmentImage(img, 10, 10);
    expect(atoms).toHaveLength(1);
    expect(atoms[0].box).toEqual({ x0: 0, y0: 0, x1: 8, y1: 8 });
  });

  it('merges a broken glyph: the dot of an i over its stem', () => {
    const img = image(40, 40, [
      [5, 15, 9, 38],
      [5, 4, 9, 9],
      [20, 5, 30, 38],
    ]);
    const atoms = segmentImage(img, 40, 40);
    // Labels follow the raster scan: the dot (row 4) is c0, the other glyph c1, the stem c2.
    expect(atoms.map((a) => a.id)).toEqual(['c0+c2', 'c1']);
    expect(atoms[0].box).toEqual({ x0: 5, y0: 4, x1: 9, y1: 38 });
    // The mask holds the gap between dot and stem as paper.
    expect(atoms[0].mask[7 * 4]).toBe(0);
  });

  it("cuts touching glyphs at the thin join, in a group much wider than the line's characters", () => {
    // Three separate 12-px glyphs, then two glyphs joined by a 2-px bridge at mid height.
    const img = image(120, 30, [
      [2, 5, 14, 25],
      [20, 5, 32, 25],
      [38, 5, 50, 25],
      [60, 5, 72, 25],
      [72, 14, 76, 16],
      [76, 5, 88, 25],
    ]);
    const atoms = segmentImage(img, 120, 30);
    expect(atoms.map((a) => [a.box.x0, a.box.x1])).toEqual([
      [2, 14],
      [20, 32],
      [38, 50],
      [60, 73],
      [73, 88],
    ]);
    expect(atoms[3].id).toBe('c3#0');
  });

  it("gives a candidate's image: its atoms' ink in their union box, nothing of the others", () => {
    const img = image(40, 20, [
      [2, 2, 6, 18],
      [10, 2, 14, 18],
      [30, 2, 34, 18],
    ]);
    const atoms = segmentImage(img, 40, 20);
    const c = imageOfAtoms(atoms.slice(0, 2));
    expect([c.width, c.height]).toEqual([12, 16]);
    expect(c.image.reduce((a, b) => a + b, 0)).toBe(2 * 4 * 16);
  });

  it('refuses a picture of more separate marks than a line holds (noise), before comparing them pairwise', () => {
    const w = 400;
    const dots: [number, number, number, number][] = [];
    for (let y = 0; y < 100; y += 4) for (let x = 0; x < w; x += 4) dots.push([x, y, x + 2, y + 2]);
    expect(() => segmentImage(image(w, 100, dots), w, 100)).toThrow(
      /^2,500 separate marks: more than a line of handwriting holds \(at most 2,000\)$/,
    );
    expect(segmentImage(image(w, 100, dots), w, 100, { maxComponents: 3000 })).toHaveLength(100);
  });

  it('refuses an image whose size does not match, and reads a blank one as no atoms', () => {
    expect(() => segmentImage(new Float32Array(5), 2, 2)).toThrow(/2×2 needs 4 values, got 5/);
    expect(segmentImage(new Float32Array(16), 4, 4)).toEqual([]);
  });
});

const unipen = loadHeldOutUnipen();

describe.skipIf(!unipen)(
  'segmentImage on real handwriting drawn as pictures (held-out UNIPEN writers)',
  () => {
    it('finds most characters of composed 5-digit lines as one atom each', () => {
      const lines = digitLines(unipen!, 200, 5, 19);
      let chars = 0;
      let found = 0;
      let wide = 0;
      for (const l of lines) {
        const d = drawLine(l);
        const atoms = segmentImage(d.image, d.width, d.height);
        for (const b of d.boxes) if (atoms.some((a) => boxIou(a.box, b) >= 0.8)) found++;
        // An atom spanning most of two true boxes holds two characters: the search cannot undo that.
        wide += atoms.filter(
          (a) => d.boxes.filter((b) => xOverlap(a.box, b) > 0.5 * boxWidth(b)).length > 1,
        ).length;
        chars += d.boxes.length;
      }
      console.log(
        `segmentImage, 200 drawn lines of 5 digits: ${((100 * found) / chars).toFixed(1)} % of characters are one atom ` +
          `(IoU ≥ 0.8), ${wide} atoms holding two characters`,
      );
      expect(found / chars).toBeGreaterThan(0.9);
      expect(wide / chars).toBeLessThan(0.02);
    });
  },
);
