import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadDatasetBytes, readManifest } from '../load';
import { buildPenSet, renderPenSplit } from './build';
import { donorIndices, donorRanges } from './donors';
import { PEN_SIZES } from './info';
import { classOf, loadUnipen, type UnipenSample } from './unipen';
import { splitOfDonor, TEST_DONORS, VALIDATION_DONORS } from './writers';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const all = loadUnipen()!;

describe('the bundled pen handwriting', () => {
  it('is bundled, and splits by writer: no donor (and so no writer) on both sides', () => {
    expect(all.length).toBe(54_944);
    const writersOf = (test: boolean) =>
      new Set(all.filter((s) => TEST_DONORS.includes(s.donor) === test).map((s) => `${s.donor}/${s.writer}`));
    const train = writersOf(false);
    for (const w of writersOf(true)) expect(train.has(w)).toBe(false);
    for (const d of VALIDATION_DONORS) expect(TEST_DONORS).not.toContain(d);
  });

  it('holds the sizes the registry states; digits render grouped by donor', () => {
    for (const task of ['digits', 'letters', 'characters'] as const)
      for (const split of ['train', 'test'] as const)
        expect(all.filter((s) => classOf(s.label, task) >= 0 && splitOfDonor(s.donor) === split).length).toBe(
          PEN_SIZES[task][split],
        );
    for (const split of ['train', 'test'] as const) {
      const s = renderPenSplit(all, 'digits', split);
      expect(s.labels.length).toBe(PEN_SIZES.digits[split]);
      expect(s.donors.reduce((n, d) => n + d.count, 0)).toBe(s.labels.length);
      expect(s.donors.some((d) => TEST_DONORS.includes(d.donor))).toBe(split === 'test');
    }
  }, 30_000);

  it('writes a set whose manifest lets a recipe leave whole donors out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pen-'));
    dirs.push(dir);
    const some: UnipenSample[] = [
      ...all.filter((s) => s.category === '1a' && s.donor === 'ibm').slice(0, 30),
      ...all.filter((s) => s.category === '1a' && s.donor === 'syn').slice(0, 20),
      ...all.filter((s) => s.category === '1a' && s.donor === 'uqb').slice(0, 10),
    ];
    await buildPenSet(dir, 'digits', some, [{ name: 'test', sha256: '0' }]);
    const manifest = await readManifest('pen-digits', { dataDir: dir });
    const ranges = donorRanges(manifest, 'train');
    expect(ranges.map((r) => [r.donor, r.count])).toEqual([
      ['ibm', 30],
      ['syn', 20],
    ]);
    expect(donorIndices(ranges, 50, { only: ['ibm'] }, 'x').length).toBe(30);
    expect(Array.from(donorIndices(ranges, 50, { except: ['ibm'] }, 'x'))).toEqual(
      Array.from({ length: 20 }, (_, i) => 30 + i),
    );
    expect(() => donorIndices(ranges, 50, { only: ['nobody'] }, 'pen-digits train')).toThrow(
      /no donor "nobody"/,
    );
    expect(() => donorIndices([], 50, { only: ['ibm'] }, 'mnist train')).toThrow(/records no donors/);
    const test = await loadDatasetBytes('pen-digits', 'test', { dataDir: dir });
    expect(test.labels.length).toBe(10);
  });
});
