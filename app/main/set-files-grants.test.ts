// Whole sets out and back in as the Samples screen does it: `datasets:export` in a format through a
// save grant, `datasets:import` of a CSV file or an IDX pair through open grants, with the real core
// behind the grant layer and real files in a temporary folder.

import { existsSync, promises as fs, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXPORT_MARKER } from '../../datasets/io/export-folder';
import type { FileGrant } from '../shared/api';
import type { DatasetInfo, ImportReport, SampleInfo } from '../shared/types';
import { type IpcHarness, ipcHarness } from './test/ipc-harness';

let h: IpcHarness;

beforeEach(async () => {
  h = await ipcHarness();
});
afterEach(() => h.dispose());

/** A 28×28 image with an ink bar at columns x0…x0+3 (a different glyph per x0). */
function bar(x0: number): Float32Array {
  const image = new Float32Array(784);
  for (let y = 4; y < 24; y++) for (let x = x0; x < x0 + 4; x++) image[y * 28 + x] = 0.8;
  return image;
}

async function makeSet(title: string, samples: [label: string, x0: number][]): Promise<DatasetInfo> {
  const set = (await h.invoke('datasets:create', { title, classes: [] })) as DatasetInfo;
  for (const [label, x0] of samples)
    await h.invoke('samples:add', { datasetId: set.id, label, image: bar(x0), strokes: [] });
  return set;
}

/** Samples per label in a set, e.g. { a: 2, b: 1 }. */
async function counts(datasetId: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const s of (await h.invoke('samples:list', { datasetId })) as SampleInfo[])
    out[s.label] = (out[s.label] ?? 0) + 1;
  return out;
}

async function saveGrant(target: string): Promise<string> {
  h.dialogs.saveFile.push(target);
  const save = { title: 'Export', defaultName: 'set', extensions: [] };
  return ((await h.invoke('dialog:saveFile', save)) as FileGrant).grant;
}

async function openGrants(files: string[]): Promise<string[]> {
  h.dialogs.openFiles.push(files);
  const open = { title: 'Import', extensions: [], folders: false };
  return ((await h.invoke('dialog:openFiles', open)) as FileGrant[]).map((f) => f.grant);
}

/** `datasets:import` of the granted files into set `id`. */
async function importInto(id: string, format: 'csv' | 'idx', grants: string[]): Promise<ImportReport> {
  return (await h.invoke('datasets:import', { id, format, grants })) as ImportReport;
}

const THREE = [
  ['★', 6],
  ['○', 12],
  ['★', 18],
] as [string, number][];

describe('datasets:export and datasets:import through grants', () => {
  it('a set goes out as CSV and comes back into a new set with the same counts', async () => {
    const set = await makeSet('Stars', THREE);
    const out = path.join(h.dir, 'out', 'stars');
    const result = await h.invoke('datasets:export', {
      id: set.id,
      format: 'csv',
      grant: await saveGrant(out),
    });
    expect(result).toEqual({ path: out, images: 3, classes: 2 });
    expect(readdirSync(out).sort()).toEqual([EXPORT_MARKER, 'samples.csv']);

    const back = (await h.invoke('datasets:create', { title: 'Stars again' })) as DatasetInfo;
    const grants = await openGrants([path.join(out, 'samples.csv')]);
    expect(await importInto(back.id, 'csv', grants)).toEqual({ imported: 3, rejected: [] });
    expect(await counts(back.id)).toEqual({ '★': 2, '○': 1 });
    // Each grant imports once.
    await expect(importInto(back.id, 'csv', grants)).rejects.toThrow(/used or expired/);
  });

  it('an IDX pair comes back in either order, with the class names of the classes.json chosen with it', async () => {
    const set = await makeSet('Bars', THREE);
    const out = path.join(h.dir, 'bars-idx');
    await h.invoke('datasets:export', { id: set.id, format: 'idx', grant: await saveGrant(out) });
    expect(readdirSync(out).sort()).toEqual([
      EXPORT_MARKER,
      'classes.json',
      'images.idx.gz',
      'labels.idx.gz',
    ]);

    const back = (await h.invoke('datasets:create', { title: 'Bars again' })) as DatasetInfo;
    // Labels first, as a dialog may list them; the classes.json chosen too.
    const grants = await openGrants([
      path.join(out, 'labels.idx.gz'),
      path.join(out, 'images.idx.gz'),
      path.join(out, 'classes.json'),
    ]);
    expect(await importInto(back.id, 'idx', grants)).toEqual({ imported: 3, rejected: [] });
    expect(await counts(back.id)).toEqual(await counts(set.id));

    // Without it, main reads nothing it was not granted: the classes are the label numbers.
    const bare = (await h.invoke('datasets:create', { title: 'Bars, numbered' })) as DatasetInfo;
    const pair = await openGrants([path.join(out, 'images.idx.gz'), path.join(out, 'labels.idx.gz')]);
    await importInto(bare.id, 'idx', pair);
    const numbered = Object.keys(await counts(bare.id)).sort();
    expect(numbered).not.toEqual(Object.keys(await counts(set.id)).sort());
    expect(numbered.every((c) => /^\d+$/.test(c))).toBe(true);
  });

  it('a bad file imports nothing and says why; a blank row is skipped with its reason', async () => {
    const set = await makeSet('Target', []);
    const header = `label,${Array.from({ length: 784 }, (_, i) => `pixel${i}`).join(',')}`;
    const row = (label: string, image: Float32Array) =>
      `${label},${Array.from(image, (v) => Math.round(v * 255)).join(',')}`;
    const bad = path.join(h.dir, 'bad.csv');
    await fs.writeFile(bad, `${header}\n${row('a', bar(6))}\nb,1,2,3\n`);
    await expect(importInto(set.id, 'csv', await openGrants([bad]))).rejects.toThrow(
      /bad\.csv line 3: 4 fields, expected 785/,
    );
    expect(await counts(set.id)).toEqual({});
    expect(
      ((await h.invoke('datasets:list')) as DatasetInfo[]).find((d) => d.id === set.id)?.classes,
    ).toEqual([]);

    const long = path.join(h.dir, 'long.csv');
    await fs.writeFile(long, `${header}\n${row('a', bar(6))}\n${row('x'.repeat(65), bar(9))}\n`);
    await expect(importInto(set.id, 'csv', await openGrants([long]))).rejects.toThrow(
      /long\.csv: a label must be 1–64 characters/,
    );
    expect(await counts(set.id)).toEqual({});

    const blank = path.join(h.dir, 'blank.csv');
    await fs.writeFile(blank, `${header}\n${row('a', bar(6))}\n${row('a', new Float32Array(784))}\n`);
    expect(await importInto(set.id, 'csv', await openGrants([blank]))).toEqual({
      imported: 1,
      rejected: [{ file: 'blank.csv #2', reason: 'no ink found in the image' }],
    });

    // Two CSV files called an IDX pair: refused, nothing added.
    await expect(importInto(set.id, 'idx', await openGrants([blank, bad]))).rejects.toThrow(/IDX|magic/i);
    expect(await counts(set.id)).toEqual({ a: 1 });
  });

  it('imports take read grants only, and an export never replaces a folder it did not write', async () => {
    const set = await makeSet('Mine', THREE);
    const csv = path.join(h.dir, 'x.csv');
    await expect(importInto(set.id, 'csv', [await saveGrant(csv)])).rejects.toThrow(
      /for writing, not reading/,
    );

    const mine = path.join(h.dir, 'my-folder');
    await fs.mkdir(mine);
    await fs.writeFile(path.join(mine, 'notes.txt'), 'my notes');
    const result = (await h.invoke('datasets:export', {
      id: set.id,
      format: 'csv',
      grant: await saveGrant(mine),
    })) as { path: string };
    expect(result.path).toBe(path.join(mine, 'Mine'));
    expect(await fs.readFile(path.join(mine, 'notes.txt'), 'utf8')).toBe('my notes');
    // Without a format, the image folder as before; its own earlier export is replaced whole.
    await h.invoke('datasets:export', { id: set.id, grant: await saveGrant(result.path) });
    expect(existsSync(path.join(result.path, 'samples.csv'))).toBe(false);
    expect(readdirSync(result.path).filter((n) => n !== EXPORT_MARKER)).toHaveLength(2); // a folder a class
  });
});
