import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset, loadDatasetBytes, readManifest } from '../load';
import { registerTempDir } from '../test-dir';
import { verifyDataset, writeDataset } from './write-dataset';

let dir: string;
registerTempDir('glyph-ds-', (d) => {
  dir = d;
});

function tiny(count: number, classes: number) {
  const pixels = new Uint8Array(count * 784);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = i % classes;
    pixels[i * 784 + 14 * 28 + 14] = 255;
    pixels[i * 784 + i] = 128;
  }
  return { pixels, labels };
}

const sources = [{ name: 'made-up', sha256: '00' }];

describe('writeDataset / verifyDataset / loadDataset', () => {
  it('writes a dataset folder that verifies and loads back', async () => {
    const train = tiny(5, 3);
    const manifest = await writeDataset(dir, {
      id: 'abc',
      classes: ['a', 'b', 'c'],
      splits: { train, test: tiny(2, 3) },
      sources,
    });
    expect(Object.keys(manifest.splits)).toEqual(['train', 'test']);
    expect(manifest.splits.train?.histogram).toEqual([2, 2, 1]);
    expect((await verifyDataset(dir, 'abc', sources)).ok).toBe(true);
    expect(await readdir(dir)).toEqual(['abc']);

    const loaded = await loadDataset('abc', 'train', { dataDir: dir });
    expect(loaded.classes).toEqual(['a', 'b', 'c']);
    expect(loaded.sampleShape).toEqual([1, 28, 28]);
    expect(Array.from(loaded.labels)).toEqual([0, 1, 2, 0, 1]);
    expect(loaded.images.length).toBe(5 * 784);
    expect(loaded.images[14 * 28 + 14]).toBe(1);
    expect(loaded.images[784 + 1]).toBeCloseTo(128 / 255, 6);
    expect((await loadDatasetBytes('abc', 'test', { dataDir: dir })).pixels.length).toBe(2 * 784);
    expect((await readManifest('abc', { dataDir: dir })).id).toBe('abc');
  });

  it('reports what is wrong: missing build, changed sources, corrupt file', async () => {
    expect(await verifyDataset(dir, 'abc')).toEqual({ ok: false, reason: 'not built yet' });
    await expect(loadDataset('abc', 'train', { dataDir: dir })).rejects.toThrow(
      /not built.*npm run datasets/,
    );
    await writeDataset(dir, { id: 'abc', classes: ['a', 'b'], splits: { train: tiny(3, 2) }, sources });
    expect(await verifyDataset(dir, 'abc', [{ name: 'made-up', sha256: '01' }])).toEqual({
      ok: false,
      reason: 'the sources changed',
    });
    await expect(loadDataset('abc', 'test', { dataDir: dir })).rejects.toThrow(/no "test" split/);
    await writeFile(join(dir, 'abc', 'train-images.idx.gz'), 'garbage');
    expect(await verifyDataset(dir, 'abc')).toEqual({
      ok: false,
      reason: 'abc/train-images.idx.gz has the wrong checksum',
    });
    await writeFile(join(dir, 'abc', 'manifest.json'), '{ not json');
    const v = await verifyDataset(dir, 'abc');
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.reason).toMatch(/^abc\/manifest\.json is unreadable: /);
  });

  it('refuses labels outside the classes and leaves nothing behind', async () => {
    const bad = tiny(3, 3);
    await expect(
      writeDataset(dir, { id: 'bad', classes: ['a', 'b'], splits: { train: bad }, sources }),
    ).rejects.toThrow(/label 2 at 2 is outside 2 classes/);
    expect(await readdir(dir)).toEqual([]);
  });
});
