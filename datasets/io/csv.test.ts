import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerTempDir } from '../test-dir';
import { formatCsv, parseCsv, readCsvFile, writeCsvFile } from './csv';
import type { LabelledSet } from './labelled-set';

let dir: string;
registerTempDir('glyph-csv-', (d) => {
  dir = d;
});

function sample(classes: string[]): LabelledSet {
  const images = new Float32Array(3 * 784);
  images[0] = 1;
  images[784 + 5] = 128 / 255;
  images[2 * 784 + 783] = 0.5;
  return { images, labels: Int32Array.from([0, 1, 0]), classes };
}

const row = (label: string, first = 0) => `${label},${[first, ...new Array(783).fill(0)].join(',')}`;

describe('CSV', () => {
  it('round-trips a set with and without a header, labels with commas and quotes included', async () => {
    const set = sample(['a,b', 'say "x"']);
    for (const header of [true, false]) {
      const back = parseCsv(formatCsv(set, { header }), { classes: set.classes });
      expect(back.classes).toEqual(set.classes);
      expect(back.labels).toEqual(set.labels);
      for (let i = 0; i < set.images.length; i++) expect(back.images[i]).toBeCloseTo(set.images[i], 2);
    }
    await writeCsvFile(join(dir, 's.csv'), set);
    expect((await readCsvFile(join(dir, 's.csv'))).labels.length).toBe(3);
    expect(await readdir(dir)).toEqual(['s.csv']);
  });

  it('detects the pixel scale and sorts found labels numerically', () => {
    const a = parseCsv([row('10', 255), row('9', 0), row('2', 0)].join('\n'));
    expect(a.classes).toEqual(['2', '9', '10']);
    expect(Array.from(a.labels)).toEqual([2, 1, 0]);
    expect(a.images[0]).toBe(1);
    const b = parseCsv(`${row('1', 0.5)}\r\n\r\n`);
    expect(b.images[0]).toBe(0.5);
  });

  it('gives clear errors with the line number', async () => {
    expect(() => parseCsv('1,2,3', { name: 'x.csv' })).toThrow(/x\.csv line 1: 3 fields, expected 785/);
    expect(() => parseCsv(`${row('1')}\n${row('2').replace(',0,', ',zz,')}`)).toThrow(
      /line 2, pixel 0: "zz"/,
    );
    expect(() => parseCsv(row('7'), { classes: ['0', '1'] })).toThrow(
      /line 1: unknown label "7" \(classes: 0, 1\)/,
    );
    expect(() => parseCsv(row('7', 300))).toThrow(/300 exceeds the scale 255/);
    await writeFile(join(dir, 'bad.csv'), `label,${'p,'.repeat(783)}p\n${row('1')}\n1,2\n`);
    await expect(readCsvFile(join(dir, 'bad.csv'))).rejects.toThrow(/bad\.csv line 3: 2 fields/);
  });
});
