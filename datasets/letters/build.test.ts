import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyDataset } from '../build/write-dataset';
import { getDataset } from '../bundled-datasets';
import { buildPenSet } from '../handwriting/build';
import { PEN_LETTERS } from '../handwriting/info';
import { loadUnipen } from '../handwriting/unipen';
import { TEST_DONORS } from '../handwriting/writers';
import { loadDatasetBytes } from '../load';
import { buildLetters, LETTERS_SETTINGS, lettersSources } from './build';
import { loadAllFaces } from './fonts';
import { LETTERS } from './info';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'letters-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A small pen-letters set in `dir`: 120 letters of training donors, 60 of test donors. */
async function smallPenLetters(dir: string): Promise<void> {
  const all = loadUnipen()!;
  const letters = all.filter((s) => s.category !== '1a');
  const picked = [
    ...letters.filter((s) => !TEST_DONORS.includes(s.donor)).slice(0, 120),
    ...letters.filter((s) => TEST_DONORS.includes(s.donor)).slice(0, 60),
  ];
  await buildPenSet(dir, 'letters', picked, [{ name: 'test', sha256: '0' }]);
}

describe('letters build (tiny)', () => {
  const small = { seed: 11, trainPerClass: 4 };

  it('writes fonts + pen training letters and a pen test split of held-out writers, byte-identical for the same seed', async () => {
    const [a, b] = [tmp(), tmp()];
    const faces = loadAllFaces(); // parsed once: glyphs are cached per face
    for (const dir of [a, b]) {
      await smallPenLetters(dir);
      await buildLetters(dir, small, undefined, faces);
    }
    for (const f of ['train-images.idx.gz', 'train-labels.idx.gz', 'test-images.idx.gz', 'manifest.json']) {
      expect(readFileSync(join(a, 'letters', f)).equals(readFileSync(join(b, 'letters', f)))).toBe(true);
    }
    const pen = readFileSync(join(a, PEN_LETTERS.id, 'manifest.json'));
    expect((await verifyDataset(a, 'letters', lettersSources(small, pen))).ok).toBe(true);
    const train = await loadDatasetBytes('letters', 'train', { dataDir: a });
    const test = await loadDatasetBytes('letters', 'test', { dataDir: a });
    expect(train.labels.length).toBe(26 * 4 + 120);
    expect(test.labels.length).toBe(60);
    expect(test.classes).toEqual([...LETTERS.classes]);
    const manifest = JSON.parse(readFileSync(join(a, 'letters', 'manifest.json'), 'utf8'));
    expect(manifest.build.trainFaces).not.toContain('indie-flower-400');
    // the pen donors' ranges sit after the font letters; the test split is the test donors only
    expect(manifest.build.donors.train[0].start).toBe(26 * 4);
    expect(manifest.build.donors.test.every((d: { donor: string }) => TEST_DONORS.includes(d.donor))).toBe(
      true,
    );
  });

  it('refuses to build without the pen-letters set', async () => {
    await expect(buildLetters(tmp(), small, undefined, loadAllFaces())).rejects.toThrow(/pen-letters/);
  });

  it('is registered with the sizes the full build writes', () => {
    expect(getDataset('letters')).toBe(LETTERS);
    expect(LETTERS.sizes.train).toBe(26 * LETTERS_SETTINGS.trainPerClass + PEN_LETTERS.sizes.train);
    expect(LETTERS.sizes.test).toBe(PEN_LETTERS.sizes.test);
  });
});
