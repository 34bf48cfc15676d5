import { describe, expect, it } from 'vitest';
import { importNotice, importPlan } from './import-files';

describe('Import… on the Samples screen', () => {
  it('tells images, a CSV file and an IDX pair apart, and refuses a mix', () => {
    expect(importPlan(['ring.png', 'star.JPG'])).toEqual({ kind: 'images' });
    expect(importPlan(['samples.csv'])).toEqual({ kind: 'set', format: 'csv' });
    expect(importPlan(['labels.idx.gz', 'images.idx.gz'])).toEqual({ kind: 'set', format: 'idx' });
    expect(importPlan(['/x/labels.idx.gz', '/x/images.idx.gz', '/x/classes.json'])).toEqual({
      kind: 'set',
      format: 'idx',
    });
    expect(importPlan(['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'])).toEqual({
      kind: 'set',
      format: 'idx',
    });
    for (const mix of [
      [],
      ['a.csv', 'b.csv'],
      ['a.csv', 'ring.png'],
      ['images.idx.gz'],
      ['a', 'b', 'c'],
      ['images.idx.gz', 'classes.json'],
    ])
      expect(importPlan(mix)).toMatchObject({ kind: 'refused', reason: /not a mix/ });
  });

  it('says how many came in, and names the skipped files with why', () => {
    expect(importNotice({ imported: 1, rejected: [] })).toEqual({
      kind: 'success',
      text: 'Imported 1 image.',
    });
    expect(importNotice({ imported: 4, rejected: [] }, 'samples.csv').text).toBe(
      'Imported 4 samples from samples.csv.',
    );
    const skipped = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ file: `/in/f${i}.png`, reason: 'no ink found in the image' }));
    expect(importNotice({ imported: 2, rejected: skipped(1) })).toEqual({
      kind: 'error',
      text: 'Imported 2 images; skipped 1: f0.png (no ink found in the image).',
    });
    expect(importNotice({ imported: 0, rejected: skipped(5) }).text).toMatch(
      /^Imported 0 images; skipped 5: f0\.png .*f2\.png \(no ink found in the image\); and 2 more\.$/,
    );
  });
});
