import { describe, expect, it } from 'vitest';
import { kindSequence, kindWeights } from './kind-sequence';

// Two digits and two letters; each row a character's probabilities.
const CLASSES = ['0', '2', 'O', 'Z'];

describe('kindSequence', () => {
  it('reads each character by its own kind when switching costs nothing', () => {
    const rows = [
      [0.7, 0.2, 0.05, 0.05],
      [0.1, 0.3, 0.2, 0.4],
      [0.05, 0.05, 0.5, 0.4],
    ];
    expect(kindSequence(rows, CLASSES, 0)).toEqual(['digit', 'letter', 'letter']);
  });

  it('keeps a run together when one character is unsure, and breaks it when the model is sure', () => {
    // Digit, then 0.45 digit / 0.55 letter, then digit: a cost of 1 nat keeps the middle a digit.
    const unsure = [
      [0.9, 0.05, 0.03, 0.02],
      [0.25, 0.2, 0.3, 0.25],
      [0.05, 0.9, 0.03, 0.02],
    ];
    expect(kindSequence(unsure, CLASSES, 1)).toEqual(['digit', 'digit', 'digit']);
    // Sure of a letter (log 0.95 − log 0.05 ≈ 2.9 nats) beats two switches of 1 nat.
    const sure = [unsure[0], [0.03, 0.02, 0.5, 0.45], unsure[2]];
    expect(kindSequence(sure, CLASSES, 1)).toEqual(['digit', 'letter', 'digit']);
    // …but not two switches of 2 nats.
    expect(kindSequence(sure, CLASSES, 2)).toEqual(['digit', 'digit', 'digit']);
  });

  it('switches once where the line changes kind (AB 12)', () => {
    const rows = [
      [0.05, 0.05, 0.8, 0.1],
      [0.3, 0.1, 0.1, 0.5],
      [0.45, 0.15, 0.3, 0.1],
      [0.05, 0.85, 0.05, 0.05],
    ];
    expect(kindSequence(rows, CLASSES, 1)).toEqual(['letter', 'letter', 'digit', 'digit']);
  });

  it('gives nothing for an empty line', () => {
    expect(kindSequence([], CLASSES, 1)).toEqual([]);
  });
});

describe('kindWeights', () => {
  it('weights the other kind down by the switches it would add, and keeps it as an alternative', () => {
    const rows = [
      [0.9, 0.05, 0.03, 0.02],
      [0.25, 0.2, 0.3, 0.25],
      [0.05, 0.9, 0.03, 0.02],
    ];
    const [first, middle] = kindWeights(rows, CLASSES, 1);
    // The middle as a letter would add two switches: its letters × e^−2, then renormalized.
    const letters = 0.55 * Math.exp(-2);
    expect(middle[2]).toBeCloseTo((0.3 * Math.exp(-2)) / (0.45 + letters));
    expect(middle[0]).toBeCloseTo(0.25 / (0.45 + letters));
    expect(middle[2]).toBeGreaterThan(0);
    // The first as a letter would add one.
    expect(first[0]).toBeCloseTo(0.9 / (0.95 + 0.05 * Math.exp(-1)));
  });

  it('changes nothing at switch cost 0', () => {
    const rows = [[0.1, 0.2, 0.3, 0.4]];
    expect([...kindWeights(rows, CLASSES, 0)[0]].map((x) => +x.toFixed(6))).toEqual(rows[0]);
  });
});
