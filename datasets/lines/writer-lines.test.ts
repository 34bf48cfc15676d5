import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import { TEST_DONORS, VALIDATION_DONORS } from '../handwriting/writers';
import { heldOutLines, loadHeldOutUnipen } from './held-out-lines';
import { codeText, numberText, PLATE_PATTERNS, plateText, WORDS } from './line-texts';
import { type PenSample, writerLines } from './writer-lines';

const stem = (x: number): [number, number][] => [
  [x, 0],
  [x, 10],
];
const sample = (label: string, writer: string, donor = 'd'): PenSample => ({
  label,
  writer,
  donor,
  strokes: [stem(0)],
});

describe('line texts', () => {
  it('draws numbers, plates of the documented patterns and codes, seeded', () => {
    const rng = new Rng(1);
    expect(numberText(rng)).toMatch(/^\d{5}$/);
    for (let i = 0; i < 50; i++) {
      const plate = plateText(rng);
      const pattern = [...plate].map((c) => (c >= '0' && c <= '9' ? 'D' : 'L')).join('');
      expect(PLATE_PATTERNS).toContain(pattern);
      expect(plate).toMatch(/^[0-9A-Z]{7}$/);
    }
    expect(codeText(rng, 10)).toMatch(/^[0-9A-Z]{10}$/);
    expect(numberText(new Rng(5), 8)).toBe(numberText(new Rng(5), 8));
  });
});

describe('writerLines', () => {
  it('gives each line to one writer who wrote every character of it', () => {
    const samples = [
      ...'12'.split('').map((c) => sample(c, 'w1')),
      ...'123'.split('').map((c) => sample(c, 'w2')),
      sample('3', 'w3', 'other'),
    ];
    const lines = writerLines(samples, ['d'], (rng) => numberText(rng, 2).replace(/[^123]/g, '3'), 30, 4);
    for (const l of lines) {
      if (l.text.includes('3')) expect(l.writer).toBe('d/w2');
      expect(l.boxes).toHaveLength(2);
    }
    expect(() => writerLines(samples, ['d'], () => '9', 1, 1)).toThrow(/no writer of d/);
  });

  it('writes held-out lines in the test donors’ real handwriting: numbers, plates and words', () => {
    const unipen = loadHeldOutUnipen();
    if (!unipen) throw new Error('the bundled UNIPEN file is missing');
    const byText = (l: { text: string }) => l.text;
    for (const [set, shape] of [
      ['numbers', /^\d{5}$/],
      ['codes', /^[0-9A-Z]{7}$/],
      ['words', /^[a-z]{3,5}$/],
    ] as const) {
      const lines = heldOutLines(unipen, set, 20, 19);
      expect(lines.map(byText)).toEqual(heldOutLines(unipen, set, 20, 19).map(byText));
      for (const l of lines) {
        expect(l.text).toMatch(shape);
        expect(TEST_DONORS).toContain(l.writer.split('/')[0]);
        expect(l.boxes).toHaveLength(l.text.length);
        if (set === 'words') expect(WORDS).toContain(l.text);
      }
    }
    // Tuning lines come from other donors only.
    const tuning = writerLines(unipen, VALIDATION_DONORS, (rng) => numberText(rng), 10, 1);
    for (const l of tuning) expect(l.writer.startsWith('ibm/')).toBe(true);
  });
});
