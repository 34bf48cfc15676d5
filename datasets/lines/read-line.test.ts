import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Recognizer } from '../../engine/predict';
import { deserializeModel } from '../../engine/serialize';
import { normalizeStrokes, strokesFromPairs } from '../normalize';
import type { Box } from './box';
import { digitLines, loadHeldOutUnipen } from './held-out-lines';
import { type Candidate, type LineAtom, readLine } from './read-line';
import { segmentStrokes, strokesOfAtoms } from './segment-strokes';

const CLASSES = [...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const atom = (key: string, x0: number, x1: number, y0 = 0, y1 = 100): LineAtom => ({
  key,
  box: { x0, x1, y0, y1 },
});
/** Probabilities putting `p` on each named class, the rest spread evenly. */
function probs(named: Record<string, number>): Float32Array {
  const out = new Float32Array(CLASSES.length);
  const rest = 1 - Object.values(named).reduce((a, b) => a + b, 0);
  const others = CLASSES.length - Object.keys(named).length;
  CLASSES.forEach((c, k) => {
    out[k] = named[c] ?? rest / others;
  });
  return out;
}
/** A classifier from a table of candidate keys; anything else is read as noise. */
const table =
  (t: Record<string, Record<string, number>>) =>
  (c: Candidate<LineAtom>): Float32Array =>
    probs(t[c.key] ?? { X: 0.05 });

describe('readLine', () => {
  it('merges atoms when the model reads them better together (the search, not the first cut)', () => {
    // A 4 written as two strokes that do not touch: apart they read as a weak 1 and a weak 7.
    const atoms = [atom('a', 0, 35), atom('b', 30, 60), atom('c', 110, 160)];
    // (The model's probabilities as they are: the context of a mixed line is tested below.)
    const r = readLine(atoms, table({ a: { 1: 0.4 }, b: { 7: 0.4 }, 'a|b': { 4: 0.95 }, c: { 3: 0.9 } }), {
      classes: CLASSES,
      kindSwitch: 0,
      digitBias: 1,
    });
    expect(r.text).toBe('43');
    expect(r.characters[0].box).toEqual({ x0: 0, x1: 60, y0: 0, y1: 100 });
    expect(r.characters[0].atoms).toEqual(['a', 'b']);
    expect(r.characters[0].confidence).toBeCloseTo(0.95);
  });

  it('keeps apart what geometry says is two characters, however sure the model is of the merge', () => {
    // Two digits side by side, a wide gap between them: merged they would be 1.6 line heights wide.
    const atoms = [atom('a', 0, 50), atom('b', 110, 160)];
    const r = readLine(atoms, table({ a: { 1: 0.6 }, b: { 7: 0.6 }, 'a|b': { 4: 0.99 } }), {
      classes: CLASSES,
    });
    expect(r.text).toBe('17');
  });

  it('gives the top three readings, best first, with their probabilities', () => {
    const r = readLine([atom('a', 0, 50)], table({ a: { 7: 0.7, 1: 0.2, T: 0.05 } }), {
      classes: CLASSES,
      digitBias: 1,
    });
    expect(r.characters[0].alternatives.map((a) => a.text)).toEqual(['7', '1', 'T']);
    expect(r.characters[0].alternatives[1].probability).toBeCloseTo(0.2);
  });

  it('reads 0, not O, in a number, and O in letters', () => {
    const atoms = [atom('a', 0, 50)];
    const classify = table({ a: { O: 0.6, 0: 0.3 } });
    expect(readLine(atoms, classify, { classes: CLASSES, kind: 'number' }).text).toBe('0');
    expect(readLine(atoms, classify, { classes: CLASSES, kind: 'mixed' }).text).toBe('O');
    const r = readLine(atoms, table({ a: { 0: 0.6, O: 0.3 } }), { classes: CLASSES, kind: 'letters' });
    expect(r.text).toBe('O');
    // The letters' share renormalized: 0.3 against 25 letters × 0.1 / 34.
    expect(r.characters[0].confidence).toBeCloseTo(0.3 / (0.3 + (25 * 0.1) / 34));
  });

  it('with the older rule (kindSwitch null), leans an ambiguous character towards its two neighbours’ kind', () => {
    const atoms = [atom('a', 0, 50), atom('b', 80, 130), atom('c', 160, 210)];
    const lean = { classes: CLASSES, kindSwitch: null, digitBias: 1 };
    const digits = table({ a: { 3: 0.9 }, b: { O: 0.55, 0: 0.4 }, c: { 7: 0.9 } });
    expect(readLine(atoms, digits, lean).text).toBe('307');
    const letters = table({ a: { A: 0.9 }, b: { 5: 0.55, S: 0.4 }, c: { K: 0.9 } });
    expect(readLine(atoms, letters, lean).text).toBe('ASK');
    // One neighbour is not enough: the model decides.
    expect(readLine(atoms.slice(0, 2), digits, lean).text).toBe('3O');
    // A confident reading stays.
    const sure = table({ a: { 3: 0.9 }, b: { O: 0.95, 0: 0.04 }, c: { 7: 0.9 } });
    expect(readLine(atoms, sure, lean).text).toBe('3O7');
  });

  it('in a mixed code, decides the kinds along the line: a run of digits keeps an ambiguous one', () => {
    const atoms = [atom('a', 0, 50), atom('b', 80, 130), atom('c', 160, 210), atom('d', 240, 290)];
    // "A123": the third reads Z a little more than 2, but it stands inside a run of digits.
    const t = table({ a: { A: 0.9 }, b: { 1: 0.9 }, c: { Z: 0.5, 2: 0.42 }, d: { 3: 0.9 } });
    const r = readLine(atoms, t, { classes: CLASSES, kindSwitch: 1, digitBias: 1 });
    expect(r.text).toBe('A123');
    // Soft: Z stays the second reading, to correct to.
    expect(r.characters[2].alternatives[1].text).toBe('Z');
    // Without a cost for switching, the model's own reading.
    expect(readLine(atoms, t, { classes: CLASSES, kindSwitch: 0, digitBias: 1 }).text).toBe('A1Z3');
  });

  it('in a mixed code, weights digits by the prior for codes (digitBias)', () => {
    const atoms = [atom('a', 0, 50)];
    const t = table({ a: { O: 0.45, 0: 0.3 } });
    const lean = { classes: CLASSES, kindSwitch: null };
    expect(readLine(atoms, t, { ...lean, digitBias: 1 }).text).toBe('O');
    const r = readLine(atoms, t, { ...lean, digitBias: 2 });
    expect(r.text).toBe('0');
    expect(r.characters[0].alternatives[1].text).toBe('O');
    // Never in a line of one kind.
    expect(readLine(atoms, t, { classes: CLASSES, kind: 'letters', digitBias: 4 }).text).toBe('O');
  });

  it('with a pattern, reads each character inside its kind, as many characters as the pattern', () => {
    const atoms = [atom('a', 0, 50), atom('b', 80, 130), atom('c', 160, 210)];
    const t = table({ a: { 0: 0.6, O: 0.3 }, b: { 1: 0.5, I: 0.4 }, c: { Z: 0.6, 2: 0.3 } });
    expect(readLine(atoms, t, { classes: CLASSES }).text).toBe('01Z');
    const r = readLine(atoms, t, { classes: CLASSES, pattern: 'AA0' });
    expect(r.text).toBe('OI2');
    expect(r.characters[2].alternatives.every((a) => /[0-9]/.test(a.text))).toBe(true);
    // ? leaves the model to choose; a pattern longer than the ink is ignored.
    expect(readLine(atoms, t, { classes: CLASSES, pattern: '?A?' }).text).toBe('0IZ');
    expect(readLine(atoms, t, { classes: CLASSES, pattern: 'AA0A' }).text).toBe('01Z');
    expect(() => readLine(atoms, t, { classes: CLASSES, pattern: 'AB1' })).toThrow(/pattern "AB1"/);
  });

  it('shows small letters where the line shows case, following a drifting baseline', () => {
    // "Ham": a capital, then two letters whose tops sit at the x-height; the line drifts down 10 %.
    const boxes: Box[] = [
      { x0: 0, x1: 60, y0: 0, y1: 100 },
      { x0: 90, x1: 140, y0: 54, y1: 109 },
      { x0: 170, x1: 240, y0: 57, y1: 112 },
      { x0: 270, x1: 300, y0: 27, y1: 127 },
    ];
    const atoms = boxes.map((b, i) => ({ key: `k${i}`, box: b }));
    const r = readLine(atoms, table({ k0: { H: 0.9 }, k1: { A: 0.9 }, k2: { M: 0.9 }, k3: { L: 0.9 } }), {
      classes: CLASSES,
      kind: 'letters',
    });
    expect(r.text).toBe('HamL');
    expect(r.characters[1].alternatives[0].text).toBe('a');
    // Digits have no case, whatever their size.
    const d = readLine(atoms, table({ k0: { 1: 0.9 }, k1: { 2: 0.9 }, k2: { 3: 0.9 }, k3: { 4: 0.9 } }), {
      classes: CLASSES,
    });
    expect(d.text).toBe('1234');
  });

  it('reads an empty line as empty, and refuses a classifier of the wrong size', () => {
    expect(readLine([], () => new Float32Array(36), { classes: CLASSES })).toEqual({
      text: '',
      characters: [],
    });
    expect(() => readLine([atom('a', 0, 1)], () => new Float32Array(10), { classes: CLASSES })).toThrow(
      /10 probabilities for 36 classes/,
    );
  });
});

const unipen = loadHeldOutUnipen();

describe.skipIf(!unipen)('readLine with the built-in digits model on real handwriting', () => {
  it('reads composed 5-digit lines of held-out writers end to end', () => {
    const dir = new URL('../../models/digits/', import.meta.url);
    const { model, meta } = deserializeModel(
      JSON.parse(readFileSync(new URL('model.json', dir), 'utf8')),
      readFileSync(new URL('weights.bin', dir)),
    );
    const recognizer = new Recognizer(model);
    const lines = digitLines(unipen!, 40, 5, 23);
    let exact = 0;
    for (const l of lines) {
      const strokes = strokesFromPairs(l.strokes);
      const r = readLine(
        segmentStrokes(strokes),
        (c) => recognizer.predict(normalizeStrokes(strokesOfAtoms(strokes, c.atoms))),
        { classes: meta.classes, kind: 'number' },
      );
      if (r.text === l.text) exact++;
    }
    console.log(`readLine, digits model, 40 composed lines: ${exact} read exactly`);
    expect(exact / lines.length).toBeGreaterThan(0.75);
  });
});
