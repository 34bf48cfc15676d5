import { describe, expect, it } from 'vitest';
import { rankPrediction } from '../../inference/prediction';
import { guessWords } from './guess-words';

const digits = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
const calibrated = { sureAbove: 0.6, notACharacterBelow: 0.25 };
const spread = (top: number, at: number) =>
  digits.map((_, i) => (i === at ? top : (1 - top) / (digits.length - 1)));

describe('guessWords', () => {
  it('before any ink: an empty label, "waiting for ink" once a model is loaded', () => {
    expect(guessWords(null, 'digit', true)).toMatchObject({
      label: '–',
      empty: true,
      detail: 'waiting for ink',
    });
    expect(guessWords(null, 'digit', false).detail).toBe('');
    expect(guessWords(null, 'digit', true).spoken).toBe('');
  });

  it('an answer: the class and its confidence', () => {
    const w = guessWords(rankPrediction(spread(0.93, 7), digits, calibrated), 'digit', true);
    expect(w).toMatchObject({ eyebrow: 'Prediction', label: '7', unsure: false, detail: '93% confident' });
    expect(w.spoken).toBe('Prediction 7, 93%');
  });

  it('not sure: the two likeliest classes, no percentage', () => {
    const p = digits.map((_, i) => (i === 4 ? 0.5 : i === 9 ? 0.3 : 0.025));
    const w = guessWords(rankPrediction(p, digits, calibrated), 'digit', true);
    expect(w).toMatchObject({ eyebrow: 'Not sure', label: '4', unsure: true, detail: 'maybe 4 or 9' });
    expect(w.spoken).toBe('Not sure: maybe 4 or 9');
  });

  it('not a character: names no class and says what to draw', () => {
    const w = guessWords(rankPrediction(spread(0.2, 1), digits, calibrated), 'digit', true);
    expect(w).toMatchObject({
      eyebrow: 'Not a character',
      label: '?',
      empty: true,
      detail: 'draw one digit',
    });
    expect(w.spoken).toBe('Not a character: draw one digit');
    expect(`${w.eyebrow} ${w.label} ${w.detail}`).not.toMatch(/1|%/);
  });
});
