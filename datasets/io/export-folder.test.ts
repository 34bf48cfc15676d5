// Export folders: recognized as ours only by the marker and only while they hold nothing else; a
// folder that is not ours is never replaced.

import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerTempDir } from '../test-dir';
import { chooseExportDir, EXPORT_MARKER, isOurExport, writeExportDir } from './export-folder';

let dir: string;
registerTempDir('glyph-export-', (d) => {
  dir = d;
});

describe('export folders', () => {
  it('marks an export with every file it wrote and replaces it whole next time', async () => {
    const out = join(dir, 'out');
    await writeExportDir(out, 'model', {
      'model.json': '{}',
      'weights.bin': new Uint8Array(8),
      'a/.keep': '',
    });
    const marker = JSON.parse(await readFile(join(out, EXPORT_MARKER), 'utf8'));
    expect(marker).toMatchObject({ format: 'glyph-lab-export', version: 1, kind: 'model' });
    expect(marker.files).toEqual(
      expect.arrayContaining([
        { path: 'model.json', bytes: 2 },
        { path: 'weights.bin', bytes: 8 },
        { path: 'a/.keep', bytes: 0 },
      ]),
    );
    expect(await isOurExport(out, 'model')).toBe(true);
    expect(await isOurExport(out, 'dataset')).toBe(false);
    expect(await chooseExportDir(out, 'model', 'm')).toBe(out);
    await writeExportDir(out, 'model', { 'model.json': '{"v":2}' });
    expect((await readdir(out)).sort()).toEqual([EXPORT_MARKER, 'model.json']);
  });

  it('does not recognize a folder with a file added, a file changed, or no marker', async () => {
    const out = join(dir, 'out');
    await writeExportDir(out, 'dataset', { '1/0.png': 'png', '2/.keep': '' });
    await writeFile(join(out, '2', 'mine.png'), 'the user put this here');
    expect(await isOurExport(out, 'dataset')).toBe(false);
    await rm(join(out, '2', 'mine.png'));
    expect(await isOurExport(out, 'dataset')).toBe(true);
    await writeFile(join(out, '1', '0.png'), 'edited');
    expect(await isOurExport(out, 'dataset')).toBe(false);
    await writeFile(join(out, '1', '0.png'), 'png');
    await mkdir(join(out, 'notes'));
    expect(await isOurExport(out, 'dataset')).toBe(false);
    await rm(join(out, 'notes'), { recursive: true });
    await rm(join(out, EXPORT_MARKER));
    expect(await isOurExport(out, 'dataset')).toBe(false);
    await expect(writeExportDir(out, 'dataset', { 'x/.keep': '' })).rejects.toThrow(/did not write/);
    expect((await readdir(out)).sort()).toEqual(['1', '2']);
  });

  it('puts an export inside a folder that is not ours, under a free name', async () => {
    const docs = join(dir, 'Documents');
    await mkdir(join(docs, 'Digits'), { recursive: true });
    await writeFile(join(docs, 'Digits', 'thesis.txt'), 'mine');
    expect(await chooseExportDir(join(dir, 'new'), 'model', 'Digits')).toBe(join(dir, 'new'));
    const first = await chooseExportDir(docs, 'model', 'Digits');
    expect(first).toBe(join(docs, 'Digits (2)'));
    await writeExportDir(first, 'model', { 'model.json': '{}' });
    expect(await chooseExportDir(docs, 'model', 'Digits')).toBe(first); // ours: replaced next time
    expect(await readFile(join(docs, 'Digits', 'thesis.txt'), 'utf8')).toBe('mine');
  });
});
