// Crash-safe writes: files and folders replaced whole, a folder swap killed midway put right by the
// sweep (at start-up through the journal, or by the next write), and sweeps that remove only names
// our own temp scheme produced.

import { spawnSync } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { registerTempDir } from '../test-dir';
import { sweepJournal, sweepTemps, TEMP_PREFIX, tempName, writeDirAtomic, writeFileAtomic } from './atomic';

let dir: string;
registerTempDir('glyph-atomic-', (d) => {
  dir = d;
});

/** The id of a process that has exited (a temp name carrying it is a leftover). */
async function deadPid(): Promise<number> {
  return spawnSync(process.execPath, ['-e', '']).pid;
}

/** What a swap killed between its two renames leaves: no `name`, the old folder aside. */
async function killedSwap(parent: string, name: string, pid: number): Promise<string> {
  const aside = join(parent, `${TEMP_PREFIX}${pid}-0123456789ab-old-${name}`);
  await mkdir(aside, { recursive: true });
  await writeFile(join(aside, 'a'), 'old');
  await mkdir(join(parent, `${TEMP_PREFIX}${pid}-0123456789ab`)); // the staged new one, half written
  return aside;
}

describe('atomic writes', () => {
  it('replaces a file whole', async () => {
    const p = join(dir, 'f.txt');
    await writeFileAtomic(p, 'one');
    await writeFileAtomic(p, 'two');
    expect(await readFile(p, 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['f.txt']);
  });

  it('replaces a folder whole, and leaves it untouched when filling fails', async () => {
    const d = join(dir, 'set');
    await writeDirAtomic(d, async (tmp) => writeFile(join(tmp, 'a'), '1'));
    await writeDirAtomic(d, { b: '2', 'sub/c': '3' });
    expect((await readdir(d)).sort()).toEqual(['b', 'sub']);
    await expect(
      writeDirAtomic(d, async (tmp) => {
        await writeFile(join(tmp, 'c'), '3');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await readdir(d)).sort()).toEqual(['b', 'sub']);
    expect(await readdir(dir)).toEqual(['set']);
  });

  it('puts back a folder that a killed swap moved aside, at the sweep or at the next write', async () => {
    const pid = await deadPid();
    await killedSwap(dir, 'set', pid);
    expect(await sweepTemps(dir)).toBe(2);
    expect(await readdir(dir)).toEqual(['set']);
    expect(await readFile(join(dir, 'set', 'a'), 'utf8')).toBe('old');

    await rm(join(dir, 'set'), { recursive: true });
    await killedSwap(dir, 'set', pid);
    await writeDirAtomic(join(dir, 'set'), { a: 'new' });
    expect(await readFile(join(dir, 'set', 'a'), 'utf8')).toBe('new');
    await sweepTemps(dir);
    expect(await readdir(dir)).toEqual(['set']);
  });

  it('drops a moved-aside folder when the swap had finished (the new one is in place)', async () => {
    await writeDirAtomic(join(dir, 'set'), { a: 'new' });
    await killedSwap(dir, 'set', await deadPid());
    await sweepTemps(dir);
    expect(await readdir(dir)).toEqual(['set']);
    expect(await readFile(join(dir, 'set', 'a'), 'utf8')).toBe('new');
  });

  it('sweeps only names of its own temp scheme, and spares running writers when asked', async () => {
    const keep = ['.tmp-notes', '.tmpfile', 'tmp-1-abc', '.tmp-', 'set'];
    for (const name of keep) await writeFile(join(dir, name), 'mine');
    await writeFile(join(dir, tempName()), 'ours, in no write of this process');
    await writeFile(join(dir, `${TEMP_PREFIX}${process.ppid}-00aa11bb22cc`), 'a running writer');
    expect(await sweepTemps(dir, { spareRunning: true })).toBe(1);
    expect(await readdir(dir)).toContain(`${TEMP_PREFIX}${process.ppid}-00aa11bb22cc`);
    expect(await sweepTemps(dir)).toBe(1);
    expect((await readdir(dir)).sort()).toEqual([...keep].sort());
  });

  it('finishes a killed write at start-up through its journal note', async () => {
    const pid = await deadPid();
    const journal = join(dir, 'journal');
    const parent = join(dir, 'elsewhere');
    await killedSwap(parent, 'export', pid);
    await mkdir(journal);
    await writeFile(join(journal, `${TEMP_PREFIX}${pid}-0123456789ab.json`), JSON.stringify({ parent }));
    const running = `${TEMP_PREFIX}${process.ppid}-0123456789ab.json`;
    await writeFile(join(journal, running), JSON.stringify({ parent }));
    expect(await sweepJournal(journal)).toBe(1);
    expect(await readdir(parent)).toEqual(['export']);
    expect(await readFile(join(parent, 'export', 'a'), 'utf8')).toBe('old');
    expect(await readdir(journal)).toEqual([running]);
  });

  it('notes a folder write in the journal only while it runs', async () => {
    const journal = join(dir, 'journal');
    let during: string[] = [];
    await writeDirAtomic(
      join(dir, 'out', 'set'),
      async (tmp) => {
        during = await readdir(journal);
        await writeFile(join(tmp, 'a'), '1');
      },
      { journal },
    );
    expect(during).toHaveLength(1);
    expect(await readdir(journal)).toEqual([]);
    expect(await sweepJournal(journal)).toBe(0);
  });
});
