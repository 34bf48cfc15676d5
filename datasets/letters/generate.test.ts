import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import { loadAllFaces } from './fonts';
import { DIGIT_CLASSES, generateSet, LETTER_CLASSES } from './generate';
import { synthesize } from './synth';

const faces = loadAllFaces();
const train = faces.filter((f) => f.split === 'train');

describe('generateSet', () => {
  it('is reproducible: same seed, identical bytes; another seed, other bytes', () => {
    const a = generateSet(LETTER_CLASSES, train, { perClass: 3, seed: 7 });
    const b = generateSet(LETTER_CLASSES, train, { perClass: 3, seed: 7 });
    const c = generateSet(LETTER_CLASSES, train, { perClass: 3, seed: 8 });
    expect(a.count).toBe(78);
    expect(Buffer.from(a.images).equals(Buffer.from(b.images))).toBe(true);
    expect(Buffer.from(a.labels).equals(Buffer.from(b.labels))).toBe(true);
    expect(Buffer.from(a.images).equals(Buffer.from(c.images))).toBe(false);
  });

  it('balances classes and draws real ink, centred like MNIST up to the augmentation shift', () => {
    const s = generateSet(DIGIT_CLASSES, faces, { perClass: 5, seed: 1 });
    const counts = new Array(10).fill(0);
    for (const l of s.labels) counts[l]++;
    expect(counts).toEqual(new Array(10).fill(5));
    for (let i = 0; i < s.count; i++) {
      const img = s.images.subarray(i * 784, (i + 1) * 784);
      let mass = 0;
      let mx = 0;
      let my = 0;
      for (let p = 0; p < 784; p++) {
        mass += img[p];
        mx += img[p] * (p % 28);
        my += img[p] * Math.floor(p / 28);
      }
      expect(mass / 255).toBeGreaterThan(20);
      expect(Math.abs(mx / mass - 14)).toBeLessThan(3); // augmentation shift + elastic drag
      expect(Math.abs(my / mass - 14)).toBeLessThan(3);
    }
  });
});

describe('synthesize', () => {
  it('keeps ink inside the 28×28 frame for outline and stroke glyphs', () => {
    const rng = new Rng(3);
    for (const f of [faces[0], faces[faces.length - 1]]) {
      const x = synthesize(f.glyph('W')!, rng);
      expect(x.length).toBe(784);
      const max = Math.max(...x);
      expect(max).toBeGreaterThan(0.9);
      expect(max).toBeLessThanOrEqual(1);
      for (let i = 0; i < 28; i++) expect(x[i] + x[27 * 28 + i] + x[i * 28] + x[i * 28 + 27]).toBe(0);
    }
  });
});
