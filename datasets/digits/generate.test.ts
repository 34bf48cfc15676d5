import { describe, expect, it } from 'vitest';
import { generateDigitForms } from './generate';
import { DIGIT_FORMS } from './templates';

describe('digit forms', () => {
  it('has at least one form per digit, strokes as x,y pairs inside a small margin of the unit box', () => {
    for (let d = 0; d < 10; d++) expect(DIGIT_FORMS.some((f) => f.digit === d)).toBe(true);
    for (const f of DIGIT_FORMS) {
      for (const s of f.strokes) {
        expect(s.length % 2).toBe(0);
        expect(s.length).toBeGreaterThanOrEqual(4);
        for (const v of s) expect(Math.abs(v - 0.5)).toBeLessThanOrEqual(0.6);
      }
    }
  });

  it('generates a balanced, seeded set of inked 28×28 images in [0, 1]', () => {
    const a = generateDigitForms({ perClass: 6, seed: 5 });
    const b = generateDigitForms({ perClass: 6, seed: 5 });
    expect(a.count).toBe(60);
    expect(a.images.length).toBe(60 * 784);
    expect(Array.from(a.images)).toEqual(Array.from(b.images));
    const perClass = new Array(10).fill(0);
    for (const l of a.labels) perClass[l]++;
    expect(perClass).toEqual(new Array(10).fill(6));
    for (let k = 0; k < a.count; k++) {
      let ink = 0;
      for (let i = 0; i < 784; i++) {
        const v = a.images[k * 784 + i];
        expect(v >= 0 && v <= 1).toBe(true);
        ink += v;
      }
      expect(ink).toBeGreaterThan(20);
    }
    const c = generateDigitForms({ perClass: 6, seed: 6 });
    expect(Array.from(c.images)).not.toEqual(Array.from(a.images));
  });
});
