import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyDataset } from '../build/write-dataset';
import { getDataset } from '../bundled-datasets';
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

describe('letters build (tiny)', () => {
  const small = { seed: 11, trainPerClass: 4, testPerClass: 2 };

  it('writes a verifiable, loadable dataset, byte-identical for the same seed', async () => {
    const [a, b] = [tmp(), tmp()];
    const faces = loadAllFaces(); // parsed once: glyphs are cached per face
    await buildLetters(a, small, undefined, faces);
    await buildLetters(b, small, undefined, faces);
    for (const f of ['train-images.idx.gz', 'train-labels.idx.gz', 'test-images.idx.gz', 'manifest.json']) {
      expect(readFileSync(join(a, 'letters', f)).equals(readFileSync(join(b, 'letters', f)))).toBe(true);
    }
    expect((await verifyDataset(a, 'letters', lettersSources(small))).ok).toBe(true);
    const test = await loadDatasetBytes('letters', 'test', { dataDir: a });
    expect(test.labels.length).toBe(52);
    expect(test.classes).toEqual([...LETTERS.classes]);
    const manifest = JSON.parse(readFileSync(join(a, 'letters', 'manifest.json'), 'utf8'));
    expect(manifest.build.heldOutTestFaces).toContain('indie-flower-400');
    expect(manifest.build.trainFaces).not.toContain('indie-flower-400');
  });

  it('is registered with the sizes the full build writes', () => {
    expect(getDataset('letters')).toBe(LETTERS);
    expect(LETTERS.sizes.train).toBe(26 * LETTERS_SETTINGS.trainPerClass);
    expect(LETTERS.sizes.test).toBe(26 * LETTERS_SETTINGS.testPerClass);
  });
});
