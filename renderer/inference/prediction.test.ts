import { describe, expect, it } from 'vitest';
import { CONFIDENT, formatPercent, rankPrediction } from './prediction';

const abc = ['a', 'b', 'c'];
/** Thresholds like a calibrated letters model's (models/<id>/model.json, metadata.glyphLab.calibration). */
const calibrated = { sureAbove: 0.5, notACharacterBelow: 0.2 };

describe('rankPrediction', () => {
  it('sorts every class by probability and flags low confidence', () => {
    const sure = rankPrediction([0.05, 0.9, 0.05], abc)!;
    expect(sure.ranked.map((r) => r.label)).toEqual(['b', 'a', 'c']);
    expect(sure.top.label).toBe('b');
    expect(sure.notSure).toBe(false);
    expect(sure.notACharacter).toBe(false);
    const unsure = rankPrediction([0.45, 0.4, 0.15], abc)!;
    expect(unsure.notSure).toBe(true);
    const close = rankPrediction([CONFIDENT + 0.01, CONFIDENT - 0.2, 0], abc)!;
    expect(close.notSure).toBe(false);
    expect(rankPrediction([], [])).toBeNull();
  });

  it('a model without calibration never reads "not a character", however flat its guess', () => {
    const flat = rankPrediction([0.34, 0.33, 0.33], abc)!;
    expect(flat.notSure).toBe(true);
    expect(flat.notACharacter).toBe(false);
  });

  it('a calibrated model is sure at or above its sureAbove, whatever the runner-up', () => {
    // Today's rule calls this "not sure" (the runner-up is within 20 points); the calibrated one does not.
    const p = [0.52, 0.4, 0.08];
    expect(rankPrediction(p, abc)!.notSure).toBe(true);
    expect(rankPrediction(p, abc, calibrated)!.notSure).toBe(false);
    expect(rankPrediction([0.5, 0.3, 0.2], abc, calibrated)!.notSure).toBe(false);
    // …and not sure below it, even far ahead of the runner-up (CONFIDENT would not matter either way).
    const below = rankPrediction([0.49, 0.26, 0.25], abc, calibrated)!;
    expect(below.notSure).toBe(true);
    expect(below.notACharacter).toBe(false);
  });

  it('a calibrated model reads "not a character" below its notACharacterBelow (and not sure with it)', () => {
    const scribble = rankPrediction(
      [0.19, 0.18, 0.17, 0.16, 0.15, 0.15],
      [...abc, 'd', 'e', 'f'],
      calibrated,
    )!;
    expect(scribble.notACharacter).toBe(true);
    expect(scribble.notSure).toBe(true);
    expect(scribble.top.label).toBe('a');
    expect(rankPrediction([0.2, 0.4, 0.4], abc, calibrated)!.notACharacter).toBe(false);
  });

  it('formats percentages', () => {
    expect(formatPercent(0.934)).toBe('93%');
    expect(formatPercent(0.042)).toBe('4.2%');
    expect(formatPercent(0.0001)).toBe('<0.1%');
  });
});
