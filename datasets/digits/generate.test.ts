import { describe, expect, it } from 'vitest';
import { expectSeededBalancedSet } from '../forms-set-checks';
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
    expectSeededBalancedSet(generateDigitForms, 10, 6);
  });
});
