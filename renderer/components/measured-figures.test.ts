import { describe, expect, it } from 'vitest';
import {
  alsoTestedFigure,
  beforeAfterSentence,
  beforeAfterText,
  evaluatedCount,
  MIN_MEASURED,
  testFigure,
  tooFewToMeasure,
} from './measured-figures';

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

describe("a model's test figure", () => {
  it('is a percentage on a test split and counts on a few held-out samples', () => {
    const big = { testAccuracy: 0.9886, evaluatedOn: 'mnist test split, 10,000 images' };
    expect(evaluatedCount(big)).toBe(10_000);
    expect(testFigure(big)).toEqual({ text: '98.9%' });
    const tiny = { testAccuracy: 1, evaluatedOn: 'custom-stars test split, 2 images' };
    expect(testFigure(tiny)).toEqual({ text: '2 of 2', note: '2 test images: too few to measure accuracy' });
    expect(testFigure({})).toEqual({ text: '—' });
    expect(testFigure({ testAccuracy: 0.5 })).toEqual({ text: '50.0%' });
  });
});

describe('a figure beside the headline test', () => {
  const pen = { label: 'Pen digits of writers never trained on', datasetId: 'pen-digits', split: 'test' };
  it('names the set briefly, with its description and count for the tooltip', () => {
    expect(alsoTestedFigure({ ...pen, count: 1368, accuracy: 0.9912 })).toEqual({
      text: '99.1% on pen-digits test',
      title: 'Pen digits of writers never trained on, 1,368 images',
    });
  });
  it('gives counts, not a percentage, on a handful of images', () => {
    expect(alsoTestedFigure({ ...pen, count: 10, accuracy: 0.9 }).text).toBe('9 of 10 on pen-digits test');
  });
});
