import { describe, expect, it } from 'vitest';
import { TWO } from './glyph-fixtures';
import {
  NORMALIZATION,
  normalizeImage,
  normalizeStrokes,
  type Stroke,
  soften,
  strokesFromPairs,
} from './normalize';
import { centreOfMass, inkBounds } from './raster';
import { rasterizePolylines } from './stroke-raster';

function transform(lines: [number, number][][], scale: number, dx: number, dy: number): Stroke[] {
  return strokesFromPairs(
    lines.map((l) => l.map(([x, y]) => [x * scale + dx, y * scale + dy] as [number, number])),
  );
}

/** Draw polylines into a big raster, as a scan or an imported image would hold them. */
function drawImage(lines: [number, number][][], w: number, h: number, scale: number, dx: number, dy: number) {
  const img = new Float32Array(w * h);
  const flat = lines.map((l) => l.flatMap(([x, y]) => [x * scale + dx, y * scale + dy]));
  rasterizePolylines(flat, img, w, h, { width: scale * 1.2, supersample: 2 });
  return img;
}

/** Geometry tests look at the rendering itself, before the final soften step. */
const CRISP = { soften: 0 } as const;

function meanAbsDiff(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += Math.abs(a[i] - b[i]);
  return s / a.length;
}

function expectCentred(img: Float32Array, tolerance = 0.5) {
  const c = centreOfMass(img, 28, 28);
  expect(c.mass).toBeGreaterThan(0);
  expect(Math.abs(c.x - NORMALIZATION.massCentre)).toBeLessThan(tolerance);
  expect(Math.abs(c.y - NORMALIZATION.massCentre)).toBeLessThan(tolerance);
}

function expectUnitRange(img: Float32Array) {
  expect(img.length).toBe(784);
  for (const v of img) {
    expect(Number.isFinite(v)).toBe(true);
    expect(v).toBeGreaterThanOrEqual(0);
    expect(v).toBeLessThanOrEqual(1);
  }
}

describe('normalizeStrokes', () => {
  it('does not depend on where or how large the glyph was drawn', () => {
    const a = normalizeStrokes(transform(TWO, 1, 0, 0));
    const b = normalizeStrokes(transform(TWO, 37, 500, -300));
    const c = normalizeStrokes(transform(TWO, 0.01, 0.3, 0.7));
    expect(meanAbsDiff(a, b)).toBeLessThan(1e-4);
    expect(meanAbsDiff(a, c)).toBeLessThan(1e-4);
    expectUnitRange(a);
  });

  it('fills the 20-pixel box with its longer side and centres the mass at (14, 14)', () => {
    const img = normalizeStrokes(transform(TWO, 10, 0, 0), CRISP);
    const b = inkBounds(img, 28, 28, 0.05)!;
    expect(b.y1 - b.y0).toBeGreaterThanOrEqual(19);
    expect(b.y1 - b.y0).toBeLessThanOrEqual(21);
    expectCentred(img, 0.05);
    expect(Math.max(...img)).toBe(1);
  });

  it('gives all zeros for no ink, without NaN', () => {
    for (const strokes of [[], [{ points: [] }], [{ points: [{ x: Number.NaN, y: 1 }] }]]) {
      const img = normalizeStrokes(strokes);
      expect(img.length).toBe(784);
      expect(img.every((v) => v === 0)).toBe(true);
    }
  });

  it('draws a single dot as a centred disc of the stroke width', () => {
    const img = normalizeStrokes([{ points: [{ x: 123, y: 456, pressure: 0.5 }] }], CRISP);
    expectUnitRange(img);
    expectCentred(img, 0.05);
    const b = inkBounds(img, 28, 28, 0.01)!;
    expect(b.x1 - b.x0).toBeLessThanOrEqual(4);
    const mass = centreOfMass(img, 28, 28).mass;
    expect(mass).toBeCloseTo(Math.PI * (NORMALIZATION.strokeWidth / 2) ** 2, 0);
  });

  it('keeps the stroke width fixed whatever the glyph size, and honours thin and thick widths', () => {
    const thin = normalizeStrokes(transform(TWO, 5, 0, 0), { ...CRISP, strokeWidth: 0.6 });
    const normal = normalizeStrokes(transform(TWO, 5, 0, 0), CRISP);
    const thick = normalizeStrokes(transform(TWO, 5, 0, 0), { ...CRISP, strokeWidth: 6 });
    const mass = (img: Float32Array) => centreOfMass(img, 28, 28).mass;
    expect(mass(thin)).toBeLessThan(mass(normal));
    expect(mass(normal)).toBeLessThan(mass(thick));
    for (const img of [thin, thick]) {
      expectUnitRange(img);
      expectCentred(img, 0.1);
      const b = inkBounds(img, 28, 28, 0.01)!;
      expect(b.y1 - b.y0).toBeLessThanOrEqual(21);
    }
  });

  it('keeps the aspect ratio of a tall thin "1"', () => {
    const one = normalizeStrokes(
      strokesFromPairs([
        [
          [50, 10],
          [46, 210],
        ],
      ]),
    );
    const b = inkBounds(one, 28, 28, 0.05)!;
    expect(b.y1 - b.y0).toBeGreaterThanOrEqual(19);
    expect(b.x1 - b.x0).toBeLessThanOrEqual(5);
    expectCentred(one, 0.05);
  });

  it('treats a glyph smaller than minExtent as that large', () => {
    const wobble = strokesFromPairs([
      [
        [10, 10],
        [10.5, 10.2],
      ],
    ]);
    const img = normalizeStrokes(wobble, { ...CRISP, minExtent: 20 });
    const b = inkBounds(img, 28, 28, 0.05)!;
    expect(b.x1 - b.x0).toBeLessThanOrEqual(4);
  });
});

describe('normalizeImage', () => {
  it('gives nearly the same image for the glyph drawn small, large or shifted', () => {
    const small = normalizeImage(drawImage(TWO, 200, 170, 6, 10, 20), 200, 170);
    const large = normalizeImage(drawImage(TWO, 200, 170, 12, 60, 8), 200, 170);
    const shifted = normalizeImage(drawImage(TWO, 200, 170, 6, 120, 70), 200, 170);
    expect(meanAbsDiff(small, shifted)).toBeLessThan(0.01);
    expect(meanAbsDiff(small, large)).toBeLessThan(0.03);
    for (const img of [small, large, shifted]) {
      expectUnitRange(img);
      expectCentred(img, 0.05);
    }
  });

  it('agrees with normalizeStrokes on the same glyph', () => {
    const fromImage = normalizeImage(drawImage(TWO, 300, 300, 20, 30, 30), 300, 300);
    const fromStrokes = normalizeStrokes(transform(TWO, 20, 30, 30), {
      strokeWidth: (24 / (10 * 20 + 24)) * 20,
    });
    expect(meanAbsDiff(fromImage, fromStrokes)).toBeLessThan(0.03);
  });

  it('gives all zeros for a blank image, without NaN', () => {
    const img = normalizeImage(new Float32Array(50 * 40), 50, 40);
    expect(img.every((v) => v === 0)).toBe(true);
    const nan = normalizeImage(new Float32Array(9).fill(Number.NaN), 3, 3);
    expect(nan.every((v) => v === 0)).toBe(true);
  });

  it('scales a single pixel into the box, centred', () => {
    const src = new Float32Array(10 * 10);
    src[3 * 10 + 7] = 1;
    const img = normalizeImage(src, 10, 10, CRISP);
    expectUnitRange(img);
    expectCentred(img, 0.05);
    // A 20-pixel square centred on a pixel centre straddles 21 pixels, half-covered at the edges.
    const b = inkBounds(img, 28, 28, 0)!;
    expect(b.x1 - b.x0).toBe(21);
    expect(b.y1 - b.y0).toBe(21);
    expect(centreOfMass(img, 28, 28).mass).toBeCloseTo(400, 2);
  });

  it('keeps the aspect ratio of a tall thin bar', () => {
    const w = 100;
    const h = 100;
    const src = new Float32Array(w * h);
    for (let y = 20; y < 80; y++) for (let x = 40; x < 50; x++) src[y * w + x] = 1;
    const img = normalizeImage(src, w, h, CRISP);
    const b = inkBounds(img, 28, 28, 0)!;
    expect(b.y1 - b.y0).toBeGreaterThanOrEqual(20);
    expect(b.y1 - b.y0).toBeLessThanOrEqual(21);
    // 10/60 of 20 px = 3.33 px, spread over at most 5 columns by the sub-pixel placement.
    expect(b.x1 - b.x0).toBeGreaterThanOrEqual(4);
    expect(b.x1 - b.x0).toBeLessThanOrEqual(5);
    const total = centreOfMass(img, 28, 28).mass;
    expect(total).toBeCloseTo((20 * 10) / 3, 1);
    expectCentred(img, 0.05);
  });

  it('handles ink touching the border of the input', () => {
    const w = 30;
    const h = 30;
    const src = new Float32Array(w * h);
    for (let y = 0; y < h; y++) src[y * w] = 1; // left column
    for (let x = 0; x < w; x++) src[(h - 1) * w + x] = 1; // bottom row: an "L"
    const img = normalizeImage(src, w, h, CRISP);
    expectUnitRange(img);
    // The L's mass sits in its corner, so centring pushes its arms past the 28×28 frame and they
    // are clipped (as in MNIST): the centre of mass is then only within half a pixel.
    expectCentred(img, 0.5);
    const frame = new Float32Array(w * h);
    for (let i = 0; i < w; i++) {
      frame[i] = frame[(h - 1) * w + i] = frame[i * w] = frame[i * w + w - 1] = 1;
    }
    const square = normalizeImage(frame, w, h);
    expectCentred(square, 0.05);
    expect(inkBounds(square, 28, 28, 0.05)!.x1 - inkBounds(square, 28, 28, 0.05)!.x0).toBeGreaterThanOrEqual(
      20,
    );
    const b = inkBounds(img, 28, 28, 0.05)!;
    expect(b.x1 - b.x0).toBeGreaterThanOrEqual(19);
    expect(b.y1 - b.y0).toBeGreaterThanOrEqual(19);
  });

  it('clamps out-of-range input and rejects a wrong length', () => {
    const src = new Float32Array([0, 5, -3, 0]);
    expectUnitRange(normalizeImage(src, 2, 2));
    expect(() => normalizeImage(new Float32Array(5), 2, 2)).toThrow(/needs 4 values, got 5/);
  });

  it('leaves an already normalized image nearly unchanged', () => {
    const once = normalizeStrokes(transform(TWO, 3, 0, 0), CRISP);
    const twice = normalizeImage(once, 28, 28, { ...CRISP, threshold: 0.02 });
    expect(meanAbsDiff(once, twice)).toBeLessThan(0.05);
  });
});

describe('Stroke type', () => {
  it('accepts readonly strokes with extra fields, as a drawing canvas holds them', () => {
    const drawn: readonly {
      readonly points: readonly { x: number; y: number; pressure: number }[];
      size: number;
    }[] = [
      {
        points: [
          { x: 1, y: 1, pressure: 0.5 },
          { x: 1, y: 9, pressure: 0.5 },
        ],
        size: 12,
      },
    ];
    expect(normalizeStrokes(drawn).some((v) => v > 0)).toBe(true);
  });
});

describe('soften', () => {
  it('spreads ink by one pixel and keeps its mass and centre', () => {
    const crisp = normalizeStrokes(transform(TWO, 4, 0, 0), CRISP);
    const soft = normalizeStrokes(transform(TWO, 4, 0, 0));
    const mass = (img: Float32Array) => img.reduce((a, v) => a + v, 0);
    expect(mass(soft)).toBeCloseTo(mass(crisp), 2);
    const a = centreOfMass(crisp, 28, 28);
    const b = centreOfMass(soft, 28, 28);
    expect(Math.abs(a.x - b.x)).toBeLessThan(0.05);
    expect(Math.abs(a.y - b.y)).toBeLessThan(0.05);
    const box = (img: Float32Array) => inkBounds(img, 28, 28, 0)!;
    expect(box(soft).x1 - box(soft).x0).toBe(box(crisp).x1 - box(crisp).x0 + 2);
    expect(NORMALIZATION.soften).toBeGreaterThan(0);
  });

  it('is the identity at 0 and blurs a single pixel into a 3×3 kernel that sums to 1', () => {
    const img = new Float32Array(25);
    img[12] = 1;
    expect(Array.from(soften(Float32Array.from(img), 5, 0))).toEqual(Array.from(img));
    const out = soften(Float32Array.from(img), 5, 0.5);
    expect(out.reduce((a, v) => a + v, 0)).toBeCloseTo(1, 6);
    expect(out[12]).toBeCloseTo(0.25, 6);
    expect(out[11]).toBeCloseTo(0.125, 6);
    expect(out[6]).toBeCloseTo(0.0625, 6);
    expect(out[0]).toBe(0);
  });
});
