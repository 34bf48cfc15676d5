// Paths reach the core only as grants that main issued: through registerIpc and dispatch, with the
// real core behind them.

import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileGrant } from '../shared/api';
import type { DatasetInfo, ImportReport, ModelSummary, SampleInfo } from '../shared/types';
import { type IpcHarness, ipcHarness } from './test/ipc-harness';

let h: IpcHarness;
let set: DatasetInfo;

/** A dark ring on white paper, 64×64. */
async function ring(file: string): Promise<string> {
  const pixels = Buffer.alloc(64 * 64, 255);
  for (let y = 0; y < 64; y++)
    for (let x = 0; x < 64; x++) if (Math.abs(Math.hypot(x - 32, y - 32) - 17) < 3) pixels[y * 64 + x] = 0;
  await fs.mkdir(path.dirname(file), { recursive: true });
  await sharp(pixels, { raw: { width: 64, height: 64, channels: 1 } })
    .png()
    .toFile(file);
  return file;
}

const samples = async () => (await h.invoke('samples:list', { datasetId: set.id })) as SampleInfo[];

beforeEach(async () => {
  h = await ipcHarness();
  set = (await h.invoke('datasets:create', { title: 'Rings', classes: ['o'] })) as DatasetInfo;
});
afterEach(() => h.dispose());

describe('file grants at the IPC boundary', () => {
  it('refuses a path where a grant belongs: /usr/share and /proc/self/environ never reach the core', async () => {
    for (const input of [
      { datasetId: set.id, label: 'o', paths: ['/usr/share'] },
      { datasetId: set.id, label: 'o', grants: ['/usr/share'] },
      { datasetId: set.id, label: 'o', grants: ['/proc/self/environ'] },
      { datasetId: set.id, label: 'o', grants: ['relative/in/the/working/folder.png'] },
    ]) {
      await expect(h.invoke('samples:import', input)).rejects.toThrow(/invalid input at grants/);
    }
    await expect(h.invoke('datasets:export', { id: set.id, path: path.join(h.dir, 'x') })).rejects.toThrow(
      /invalid input at grant/,
    );
    await expect(h.invoke('models:import', { path: '/etc/passwd' })).rejects.toThrow(/invalid input/);
    // A well-formed token main never issued.
    await expect(
      h.invoke('samples:import', { datasetId: set.id, label: 'o', grants: ['A'.repeat(43)] }),
    ).rejects.toThrow(/unknown, used or expired file grant/);
    expect(await samples()).toEqual([]);
    expect(existsSync(path.join(h.dir, 'x'))).toBe(false);
  });

  it('the open dialog answers with read grants; each imports once', async () => {
    const file = await ring(path.join(h.dir, 'in', 'ring.png'));
    h.dialogs.openFiles.push([file]);
    const chosen = (await h.invoke('dialog:openFiles', {
      title: 'Import images',
      extensions: ['png'],
      folders: false,
    })) as FileGrant[];
    expect(chosen).toEqual([{ grant: expect.any(String), path: file, name: 'ring.png' }]);
    const grants = chosen.map((c) => c.grant);
    const report = (await h.invoke('samples:import', {
      datasetId: set.id,
      label: 'o',
      grants,
    })) as ImportReport;
    expect(report).toEqual({ imported: 1, rejected: [] });
    await expect(h.invoke('samples:import', { datasetId: set.id, label: 'o', grants })).rejects.toThrow(
      /used or expired/,
    );
    expect(await samples()).toHaveLength(1);
  });

  it('exports need a write grant from the save dialog; a read grant cannot write', async () => {
    const file = await ring(path.join(h.dir, 'in', 'ring.png'));
    h.dialogs.openFiles.push([file], [file]);
    const open = { title: 'Import', extensions: ['png'], folders: false };
    const [read] = (await h.invoke('dialog:openFiles', open)) as FileGrant[];
    await h.invoke('samples:import', { datasetId: set.id, label: 'o', grants: [read!.grant] });
    const [readAgain] = (await h.invoke('dialog:openFiles', open)) as FileGrant[];
    await expect(h.invoke('datasets:export', { id: set.id, grant: readAgain!.grant })).rejects.toThrow(
      /for reading, not writing/,
    );

    const out = path.join(h.dir, 'out', 'rings');
    h.dialogs.saveFile.push(out);
    const save = { title: 'Export', defaultName: 'rings', extensions: [] };
    const target = (await h.invoke('dialog:saveFile', save)) as FileGrant;
    expect(target).toMatchObject({ path: out, name: 'rings' });
    await expect(h.invoke('models:import', { grant: target.grant })).rejects.toThrow(
      /for writing, not reading/,
    );
    // The refused attempt used nothing up: the same grant still exports.
    await expect(h.invoke('datasets:export', { id: set.id, grant: target.grant })).resolves.toMatchObject({
      path: out,
      images: 1,
    });
    expect(existsSync(path.join(out, 'o'))).toBe(true);
    h.dialogs.saveFile.push(null);
    await expect(h.invoke('dialog:saveFile', save)).resolves.toBeNull();
  });

  it('a model goes out through a save grant and comes back through an open grant', async () => {
    const [model] = (await h.invoke('models:list')) as ModelSummary[];
    const out = path.join(h.dir, 'exported');
    h.dialogs.saveFile.push(out);
    const target = (await h.invoke('dialog:saveFile', {
      title: 'Export',
      defaultName: 'm.glyphmodel',
      extensions: ['glyphmodel'],
    })) as FileGrant;
    await h.invoke('models:export', { id: model!.id, format: 'native', grant: target.grant });
    h.dialogs.openFiles.push([path.join(out, 'model.json')]);
    const [source] = (await h.invoke('dialog:openFiles', {
      title: 'Import a model',
      extensions: ['json'],
      folders: false,
    })) as FileGrant[];
    const imported = (await h.invoke('models:import', { grant: source!.grant })) as ModelSummary;
    expect(imported.name).toBe(model!.name);
  });

  it('a drop registered by the preload is a read grant for an existing file or folder only', async () => {
    const file = await ring(path.join(h.dir, 'in', 'dropped.png'));
    await expect(h.invoke('files:grantDropped', 'in/dropped.png')).rejects.toThrow(/absolute path/);
    await expect(h.invoke('files:grantDropped', path.join(h.dir, 'nope.png'))).rejects.toThrow(
      /not a file or folder/,
    );
    await expect(h.invoke('files:grantDropped', '/dev/null')).rejects.toThrow(/not a file or folder/);
    const dropped = (await h.invoke('files:grantDropped', file)) as FileGrant;
    await expect(h.invoke('datasets:export', { id: set.id, grant: dropped.grant })).rejects.toThrow(
      /for reading, not writing/,
    );
    await expect(
      h.invoke('samples:import', { datasetId: set.id, label: 'o', grants: [dropped.grant] }),
    ).resolves.toEqual({ imported: 1, rejected: [] });
  });
});
