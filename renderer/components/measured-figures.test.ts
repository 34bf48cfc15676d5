import { describe, expect, it } from 'vitest';
import { beforeAfterSentence, beforeAfterText, MIN_MEASURED, tooFewToMeasure } from './measured-figures';

const figures = (count: number, before: number, after: number) => ({ on: 'held-out', count, before, after });

describe('before/after figures', () => {
  it('shows counts and an honest note for a handful of images, never a percentage', () => {
    const t = beforeAfterText(figures(2, 0, 1));
    expect(t).toMatchObject({ before: '0 of 2', after: '2 of 2', change: '+2 right' });
    expect(t.note).toMatch(/too few to measure accuracy/);
    expect(Object.values(t).join(' ')).not.toMatch(/%|pt/);
    expect(beforeAfterSentence(figures(2, 0, 1))).toBe('0 of 2 → 2 of 2 right; too few to measure accuracy');
    expect(beforeAfterText(figures(12, 0.75, 0.5)).change).toBe('−3 right');
  });

  it('keeps percentages and points from MIN_MEASURED images on', () => {
    expect(tooFewToMeasure(MIN_MEASURED - 1)).toBe(true);
    expect(tooFewToMeasure(MIN_MEASURED)).toBe(false);
    expect(beforeAfterText(figures(2000, 0.912, 0.95))).toEqual({
      before: '91.2%',
      after: '95.0%',
      change: '+3.8 pt',
    });
  });
});
