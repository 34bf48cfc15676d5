import { describe, expect, it } from 'vitest';
import { geometryPrior, lineGeometry } from './geometry-prior';

const b = (x0: number, x1: number, y0 = 0, y1 = 100) => ({ x0, x1, y0, y1 });

describe('geometryPrior', () => {
  const line = lineGeometry([b(0, 50), b(80, 130), b(160, 210)]);

  it('measures the line: character height and median gap', () => {
    expect(line).toEqual({ height: 100, gap: 30 });
  });

  it('costs nothing for one plausible glyph, or for pieces that overlap horizontally', () => {
    expect(geometryPrior([b(0, 60)], line)).toBe(0);
    expect(geometryPrior([b(0, 40), b(30, 70)], line)).toBe(0);
  });

  it('costs a clear gap inside a candidate, more the wider it is; a flat cost per gap only when asked', () => {
    const narrow = geometryPrior([b(0, 20), b(25, 45)], line);
    const wide = geometryPrior([b(0, 20), b(60, 80)], line);
    expect(wide).toBeLessThan(0);
    expect(wide).toBeLessThan(narrow);
    expect(geometryPrior([b(0, 20), b(25, 45)], line, { gapCost: 2 })).toBeCloseTo(narrow - 2);
  });

  it('costs a candidate much wider than tall, growing with the square of the excess', () => {
    const a = geometryPrior([b(0, 150)], line, { maxAspect: 1 });
    const c = geometryPrior([b(0, 200)], line, { maxAspect: 1 });
    expect(a).toBeCloseTo(-8 * 0.25);
    expect(c).toBeCloseTo(-8 * 1);
  });
});
