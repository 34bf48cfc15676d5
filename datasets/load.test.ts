import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeIdxImages, encodeIdxLabels } from './idx';
import { loadDatasetBytes, readManifest } from './load';
import { oneSplitManifest } from './test-manifest';

// Hostile bundled-data folders (issue 14, item 12), built in a temp folder: `<dataDir>/evil/`.
let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'glyph-load-'));
  mkdirSync(join(dataDir, 'evil'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const manifest = (images: string, labels: string, count = 1) =>
  JSON.stringify(oneSplitManifest('evil', images, labels, count));

const oneImage = () => encodeIdxImages(new Uint8Array(784), 1, 28, 28);
const oneLabel = () => encodeIdxLabels(new Uint8Array(1));

describe('loadDatasetBytes on hostile folders', () => {
  it('loads a well-formed folder', async () => {
    writeFileSync(join(dataDir, 'evil', 'i.gz'), gzipSync(oneImage()));
    writeFileSync(join(dataDir, 'evil', 'l'), oneLabel());
    writeFileSync(join(dataDir, 'evil', 'manifest.json'), manifest('i.gz', 'l'));
    expect((await loadDatasetBytes('evil', 'train', { dataDir })).labels).toEqual(Int32Array.of(0));
  });

  it('names the manifest that is not JSON', async () => {
    writeFileSync(join(dataDir, 'evil', 'manifest.json'), '{"format": "glyph-lab-dataset", ');
    await expect(readManifest('evil', { dataDir })).rejects.toThrow(
      `${join(dataDir, 'evil', 'manifest.json')} is not valid JSON`,
    );
  });

  it('refuses a 100,000-deep manifest with a clear error', async () => {
    writeFileSync(join(dataDir, 'evil', 'manifest.json'), `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    await expect(readManifest('evil', { dataDir })).rejects.toThrow(
      /manifest.json: JSON nested deeper than 64/,
    );
  });

  it('refuses file names that lead outside the dataset folder', async () => {
    // a valid set one level up: read if '../' were followed
    writeFileSync(join(dataDir, 'outside-images'), oneImage());
    writeFileSync(join(dataDir, 'outside-labels'), oneLabel());
    writeFileSync(join(dataDir, 'evil', 'manifest.json'), manifest('../outside-images', '../outside-labels'));
    await expect(loadDatasetBytes('evil', 'train', { dataDir })).rejects.toThrow(
      /manifest.json: file name "..\/outside-images" leads outside the dataset folder/,
    );
    writeFileSync(join(dataDir, 'evil', 'manifest.json'), manifest(join(dataDir, 'outside-images'), 'l'));
    await expect(loadDatasetBytes('evil', 'train', { dataDir })).rejects.toThrow(
      /leads outside the dataset folder/,
    );
  });

  it('refuses a gzip bomb as soon as it inflates past the size the manifest implies', async () => {
    // 64 MB of IDX claiming 81,000 images in a ~64 KB gzip, where the manifest says one image
    const count = 81_000;
    const raw = Buffer.alloc(16 + count * 784);
    raw.set(encodeIdxImages(new Uint8Array(784), 1, 28, 28).subarray(0, 16));
    raw.writeUInt32BE(count, 4);
    const gz = gzipSync(raw, { level: 9 });
    expect(gz.byteLength).toBeLessThan(200_000);
    writeFileSync(join(dataDir, 'evil', 'i.gz'), gz);
    writeFileSync(join(dataDir, 'evil', 'l'), oneLabel());
    writeFileSync(join(dataDir, 'evil', 'manifest.json'), manifest('i.gz', 'l'));
    await expect(loadDatasetBytes('evil', 'train', { dataDir })).rejects.toThrow(
      /i\.gz: inflates to more than 800 bytes, more than it may hold/,
    );
  });
});
