import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import { expectSeededBalancedSet } from '../forms-set-checks';
import { classOfForm, generateLetterForms, LETTER_FORMS } from './pen-forms';
import { DEFAULT_SYNTH, snapToGrid, synthFromStrokes } from './synth';

/** Centre of mass of a 28×28 image, or null without ink. */
function centre(img: Float32Array): { x: number; y: number; ink: number } {
  let ink = 0;
  let sx = 0;
  let sy = 0;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      const v = img[y * 28 + x];
      ink += v;
      sx += v * x;
      sy += v * y;
    }
  }
  return { x: sx / ink, y: sy / ink, ink };
}

describe('letter pen forms', () => {
  it('has small-letter forms for every class, strokes as x,y pairs inside a small margin of the unit box', () => {
    for (let c = 0; c < 26; c++) {
      const small = String.fromCharCode(97 + c);
      expect(LETTER_FORMS.some((f) => f.char === small)).toBe(true);
    }
    for (const f of LETTER_FORMS) {
      expect(classOfForm(f)).toBeGreaterThanOrEqual(0);
      expect(classOfForm(f)).toBeLessThan(26);
      expect(f.weight).toBeGreaterThan(0);
      for (const s of f.strokes) {
        expect(s.length % 2).toBe(0);
        expect(s.length).toBeGreaterThanOrEqual(4);
        for (const v of s) expect(Math.abs(v - 0.5)).toBeLessThanOrEqual(0.6);
      }
    }
  });

  it('renders every form, unvaried, as an inked glyph centred like a live drawing', () => {
    const flat = {
      ...DEFAULT_SYNTH,
      rotation: 0,
      slant: [0, 0] as const,
      aspect: 1,
      strokeJitter: 0,
      wobble: 0,
      strokeWidth: [2.5, 2.5] as const,
    };
    for (const f of LETTER_FORMS) {
      const img = synthFromStrokes(f.strokes, new Rng(1), flat);
      const c = centre(img);
      expect(c.ink, f.name).toBeGreaterThan(20);
      expect(Math.abs(c.x - 14), `${f.char} ${f.name}`).toBeLessThan(0.6);
      expect(Math.abs(c.y - 14), `${f.char} ${f.name}`).toBeLessThan(0.6);
    }
  });

  it('generates a balanced, seeded set of inked 28×28 images in [0, 1]', () => {
    const a = expectSeededBalancedSet(generateLetterForms, 26, 3);
    for (let k = 0; k < a.count; k++) {
      const c = centre(a.images.subarray(k * 784, (k + 1) * 784));
      expect(Math.abs(c.x - 14)).toBeLessThan(2.5);
      expect(Math.abs(c.y - 14)).toBeLessThan(2.5);
    }
  });
});

describe('hand variation of pen forms', () => {
  const form = LETTER_FORMS.find((f) => f.char === 'e')!;

  it('adds local deformation and coarse recording only when asked, seeded', () => {
    const plain = synthFromStrokes(form.strokes, new Rng(9));
    expect(Array.from(synthFromStrokes(form.strokes, new Rng(9)))).toEqual(Array.from(plain));
    const varied = { ...DEFAULT_SYNTH, detail: 0.08, coarse: { probability: 1, steps: [12, 12] as const } };
    const a = synthFromStrokes(form.strokes, new Rng(9), varied);
    const b = synthFromStrokes(form.strokes, new Rng(9), varied);
    expect(Array.from(a)).toEqual(Array.from(b));
    expect(Array.from(a)).not.toEqual(Array.from(plain));
    expect(centre(a).ink).toBeGreaterThan(20);
  });

  it('snaps a line to a grid as a tablet records it: every cell once, in order', () => {
    const line = [0, 0, 1, 0.5];
    const snapped = snapToGrid(line, 0.25);
    expect(snapped.slice(0, 2)).toEqual([0, 0]);
    expect(snapped.slice(-2)).toEqual([1, 0.5]);
    for (const v of snapped) expect(Math.abs(v / 0.25 - Math.round(v / 0.25))).toBeLessThan(1e-9);
    for (let i = 2; i < snapped.length; i += 2) {
      const step = Math.max(Math.abs(snapped[i] - snapped[i - 2]), Math.abs(snapped[i + 1] - snapped[i - 1]));
      expect(step).toBeCloseTo(0.25, 9);
    }
  });
});
