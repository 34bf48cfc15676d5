import { describe, expect, it } from 'vitest';
import { combineSpecialists, withSpecialists } from './specialists';

const CLASSES = ['0', '5', 'O', 'S'];
const digits = { classes: ['0', '5'], probs: [0.9, 0.1] };
const letters = { classes: ['O', 'S'], probs: [0.2, 0.8] };

describe('combineSpecialists', () => {
  it('keeps the Characters model’s kind and takes the class inside it from the specialist (w = 1)', () => {
    // Kinds: digit 0.6, letter 0.4; the Characters model prefers 5 and O, the specialists 0 and S.
    const p = combineSpecialists([0.2, 0.4, 0.3, 0.1], CLASSES, [digits, letters], 1);
    expect([...p].map((x) => +x.toFixed(6))).toEqual([0.54, 0.06, 0.08, 0.32]);
  });

  it('is the Characters model unchanged at w = 0, and a geometric mix between', () => {
    const own = [0.2, 0.4, 0.3, 0.1];
    expect([...combineSpecialists(own, CLASSES, [digits, letters], 0)].map((x) => +x.toFixed(6))).toEqual(
      own,
    );
    const half = combineSpecialists(own, CLASSES, [digits], 0.5);
    // Inside the digits: √(1/3 · 0.9) against √(2/3 · 0.1), scaled to the digits' 0.6.
    const a = Math.sqrt(0.3);
    const b = Math.sqrt(0.2 / 3);
    expect(half[0]).toBeCloseTo((0.6 * a) / (a + b));
    expect(half[2]).toBeCloseTo(0.3);
  });

  it('leaves a kind without a specialist as it was (the letters model missing)', () => {
    const p = combineSpecialists([0.2, 0.4, 0.3, 0.1], CLASSES, [digits], 1);
    expect(p[2]).toBeCloseTo(0.3);
    expect(p[3]).toBeCloseTo(0.1);
    expect(p[0]).toBeCloseTo(0.54);
  });

  it('matches lower-case specialist classes to the case-merged ones', () => {
    const p = combineSpecialists([0.5, 0, 0.25, 0.25], CLASSES, [{ classes: ['o', 's'], probs: [1, 0] }], 1);
    expect(p[2]).toBeCloseTo(0.5);
    expect(p[3]).toBeCloseTo(0);
  });
});

describe('withSpecialists', () => {
  const input = new Float32Array(784);
  const shared = new Float32Array(4);
  // Like the engine's Recognizer: the same buffer back on every call.
  const characters = {
    classes: CLASSES,
    predict: () => shared.fill(0).map((_, k) => [0.2, 0.4, 0.3, 0.1][k]),
  };
  const model = (classes: string[], probs: number[]) => {
    const calls = { n: 0 };
    return {
      calls,
      classes,
      predict: () => {
        calls.n++;
        return Float32Array.from(probs);
      },
    };
  };

  it('reads each candidate with the Characters model and both specialists', () => {
    const d = model(digits.classes, digits.probs);
    const l = model(letters.classes, letters.probs);
    const p = withSpecialists(characters, { digits: d, letters: l }, 1).predict(input);
    expect(Array.from(p).map((x) => +x.toFixed(6))).toEqual([0.54, 0.06, 0.08, 0.32]);
    expect([d.calls.n, l.calls.n]).toEqual([1, 1]);
  });

  it('is the model itself without specialists (still loading) or for a model of one kind', () => {
    expect(withSpecialists(characters, { digits: null, letters: null })).toBe(characters);
    const digitsOnly = model(['0', '5'], [0.5, 0.5]);
    expect(withSpecialists(digitsOnly, { letters: model(letters.classes, letters.probs) })).toBe(digitsOnly);
  });
});
