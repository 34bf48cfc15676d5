// `glyph-lab datasets import|export --format folder|idx|csv` end to end: real files in temp folders,
// the real command through bin/glyph-lab.js, the same stores as the app.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXPORT_MARKER } from '../../datasets/io/export-folder';
import { tempDir } from '../core/test-helpers';
import { runCli } from './test-cli';

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir('glyph-cli-io-');
});
afterAll(() => tmp.remove());

const cli = (...args: string[]) => runCli(tmp.dir, args);

/** A CSV row: `label`, then 784 pixels 0–255 with an ink bar at columns x0…x0+3 (a different glyph per row). */
function row(label: string, x0: number): string {
  const pixels = Array.from({ length: 784 }, (_, i) => {
    const x = i % 28;
    const y = Math.floor(i / 28);
    return x >= x0 && x < x0 + 4 && y >= 4 && y < 24 ? 200 + x : 0;
  });
  return `${label},${pixels.join(',')}`;
}

const sortedRows = (csv: string) => csv.trim().split('\n').slice(1).sort();

describe('glyph-lab datasets import|export', () => {
  it('round-trips a set through CSV, IDX and an image folder, pixel for pixel', async () => {
    const header = `label,${Array.from({ length: 784 }, (_, i) => `pixel${i}`).join(',')}`;
    const source = [header, row('a', 6), row('b', 12), row('a', 18), row('b', 9)].join('\n');
    writeFileSync(path.join(tmp.dir, 'in.csv'), `${source}\n`);

    const fromCsv = await cli('datasets', 'import', 'in.csv', '--format', 'csv', '--name', 'Bars', '--json');
    expect(fromCsv.code, fromCsv.stderr).toBe(0);
    const bars = JSON.parse(fromCsv.stdout);
    expect(bars).toMatchObject({ imported: 4, rejected: [] });

    const idxOut = path.join(tmp.dir, 'bars-idx');
    const toIdx = await cli('datasets', 'export', bars.dataset, '--format', 'idx', '--out', idxOut);
    expect(toIdx.code, toIdx.stderr).toBe(0);
    expect(readdirSync(idxOut).sort()).toEqual([
      EXPORT_MARKER,
      'classes.json',
      'images.idx.gz',
      'labels.idx.gz',
    ]);
    expect(JSON.parse(readFileSync(path.join(idxOut, 'classes.json'), 'utf8'))).toEqual(['a', 'b']);

    const fromIdx = await cli(
      'datasets',
      'import',
      idxOut,
      '--format',
      'idx',
      '--name',
      'Bars again',
      '--json',
    );
    expect(fromIdx.code, fromIdx.stderr).toBe(0);
    const again = JSON.parse(fromIdx.stdout);
    expect(again.imported).toBe(4);

    const folderOut = path.join(tmp.dir, 'bars-folder');
    expect((await cli('datasets', 'export', again.dataset, '--out', folderOut)).code).toBe(0);
    expect(readdirSync(path.join(folderOut, 'a')).filter((n) => n.endsWith('.png'))).toHaveLength(2);
    const third = await cli('datasets', 'create', 'Bars third', '--json');
    const thirdId = JSON.parse(third.stdout).id;
    const fromFolder = await cli('datasets', 'import', folderOut, '--into', thirdId, '--json');
    expect(fromFolder.code, fromFolder.stderr).toBe(0);
    expect(JSON.parse(fromFolder.stdout).imported).toBe(4);

    const csvOut = path.join(tmp.dir, 'bars-csv');
    const toCsv = await cli('datasets', 'export', thirdId, '--format', 'csv', '--out', csvOut);
    expect(toCsv.code, toCsv.stderr).toBe(0);
    expect(sortedRows(readFileSync(path.join(csvOut, 'samples.csv'), 'utf8'))).toEqual(sortedRows(source));
  });

  it('never replaces a folder it did not write, and replaces its own earlier export', async () => {
    writeFileSync(path.join(tmp.dir, 'one.csv'), `${row('z', 10)}\n`);
    const made = await cli('datasets', 'import', 'one.csv', '--format', 'csv', '--name', 'Zed', '--json');
    const { dataset } = JSON.parse(made.stdout);
    const mine = path.join(tmp.dir, 'mine');
    mkdirSync(mine);
    writeFileSync(path.join(mine, 'notes.txt'), 'my notes');
    const first = await cli('datasets', 'export', dataset, '--format', 'csv', '--out', mine, '--json');
    expect(first.code, first.stderr).toBe(0);
    const inside = JSON.parse(first.stdout).path;
    expect(inside).toBe(path.join(mine, 'Zed'));
    expect(readFileSync(path.join(mine, 'notes.txt'), 'utf8')).toBe('my notes');
    // Its own earlier export (another format, the same set) is replaced whole.
    const second = await cli('datasets', 'export', dataset, '--format', 'idx', '--out', inside, '--json');
    expect(JSON.parse(second.stdout).path).toBe(inside);
    expect(existsSync(path.join(inside, 'samples.csv'))).toBe(false);
    expect(existsSync(path.join(inside, 'images.idx.gz'))).toBe(true);
  });

  it('answers bad input with one line, the right exit code, and no set made', async () => {
    const badFormat = await cli('datasets', 'export', 'x', '--out', 'y', '--format', 'xml');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/--format must be one of folder, idx, csv/);
    expect((await cli('datasets', 'import', 'in.csv', '--format', 'csv')).code).toBe(2);
    writeFileSync(path.join(tmp.dir, 'bad.csv'), `${row('a', 6)}\nb,1,2,3\n`);
    const bad = await cli('datasets', 'import', 'bad.csv', '--format', 'csv', '--name', 'Bad');
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/bad\.csv.*line 2/);
    const list = await cli('datasets', 'list', '--json');
    expect(JSON.parse(list.stdout).map((d: { title: string }) => d.title)).not.toContain('Bad');
  });
});
