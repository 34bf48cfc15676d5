// Crash-safe writes (Node only), the one place that names temporaries and sweeps them. A reader sees
// the old content or the new, never a torn one, and a kill at any instant loses neither.
// - A file is written under a temp name beside it, fsynced, renamed over the target.
// - A folder is filled under a temp name beside it, fsynced, then swapped in: an existing folder is
//   first renamed aside to `<temp>-old-<name>`, the new one renamed in, the old one removed. A kill
//   between the two renames leaves no folder under the name but the old one aside; `sweepTemps`
//   (run at start-up and before every folder write) puts it back, so the name always ends up
//   holding the old folder or the new one.
// - Temp names are `.tmp-<pid>-<random>` (plus `-old-<name>` for a folder moved aside). Listings
//   skip every name starting with `.tmp-`; sweeps remove only names of exactly this form.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const TEMP_PREFIX = '.tmp-';

/** `.tmp-<pid>-<hex>` or `.tmp-<pid>-<hex>-old-<name>`; the hex part is a word in older test fixtures. */
const OUR_TEMP = /^\.tmp-(\d+)-([0-9a-z]+)(?:-old-(.+))?$/s;
const ASIDE = '-old-';
/** Longest file name most file systems accept, in UTF-8 bytes. */
const NAME_MAX = 255;

/** Temp paths this process is writing right now: a sweep in the same process leaves them alone. */
const inFlight = new Set<string>();

export function tempName(): string {
  return `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`;
}

/** Whether a listing should skip this name (anything under the temp prefix, ours or not yet swept). */
export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
}

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

async function fsyncPath(p: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(p, 'r');
    await handle.sync();
  } catch {
    // NOTE: some platforms (Windows) cannot open or fsync a folder; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}

async function writeSynced(file: string, data: string | Uint8Array): Promise<void> {
  const handle = await fs.open(file, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Replace `file` with `data` atomically. Creates the parent folder. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, tempName());
  inFlight.add(temp);
  try {
    await writeSynced(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  } finally {
    inFlight.delete(temp);
  }
  await fsyncPath(dir);
}

/** A folder's content: files by relative path, or a function that writes into the (empty) folder. */
export type DirContent = Record<string, string | Uint8Array> | ((dir: string) => Promise<void>);

export interface WriteDirOptions {
  /**
   * A folder where a note names this write's parent folder while it runs, so that a start-up
   * (`sweepJournal`) can finish what a kill interrupted in a folder it would not otherwise look at.
   */
  journal?: string;
}

/** Write `content` into the existing folder `dir`, each file fsynced. */
export async function fillDir(dir: string, content: DirContent): Promise<void> {
  if (typeof content === 'function') {
    await content(dir);
    return;
  }
  for (const [name, data] of Object.entries(content)) {
    const file = path.join(dir, name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeSynced(file, data);
  }
}

/**
 * Write the folder `dir` whole: fill a temp folder beside it, then swap it in. An existing `dir` is
 * replaced (old-or-new: see the header), so callers decide beforehand whether it may be. If filling
 * fails, the temp folder is removed and `dir` is untouched.
 */
export async function writeDirAtomic(
  dir: string,
  content: DirContent,
  options: WriteDirOptions = {},
): Promise<void> {
  const parent = path.dirname(dir);
  const name = path.basename(dir);
  await fs.mkdir(parent, { recursive: true });
  // An earlier write killed mid-swap: put its old folder back before deciding anything.
  await restoreAside(parent, name);
  const staged = path.join(parent, tempName());
  const aside = `${staged}${ASIDE}${name}`;
  if (Buffer.byteLength(path.basename(aside)) > NAME_MAX && (await exists(dir)))
    throw new Error(`${dir}: the folder name is too long to be replaced safely; choose a shorter one`);
  const note = options.journal ? path.join(options.journal, `${path.basename(staged)}.json`) : undefined;
  const ours = [staged, aside, ...(note ? [note] : [])];
  for (const p of ours) inFlight.add(p);
  try {
    if (note) await writeFileAtomic(note, JSON.stringify({ parent }));
    try {
      await fs.mkdir(staged);
      await fillDir(staged, content);
      await fsyncPath(staged);
    } catch (error) {
      await fs.rm(staged, { recursive: true, force: true });
      throw error;
    }
    await swapIn(staged, dir, aside);
    await fsyncPath(parent);
    await fs.rm(aside, { recursive: true, force: true });
  } finally {
    if (note) await fs.rm(note, { force: true });
    for (const p of ours) inFlight.delete(p);
  }
}

/** Rename `staged` to `dir`, moving an existing `dir` to `aside` first (and back if the swap fails). */
async function swapIn(staged: string, dir: string, aside: string): Promise<void> {
  let movedAside = false;
  try {
    await fs.rename(dir, aside);
    movedAside = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      await fs.rm(staged, { recursive: true, force: true });
      throw error;
    }
  }
  try {
    await fs.rename(staged, dir);
  } catch (error) {
    if (movedAside) await fs.rename(aside, dir).catch(() => undefined);
    await fs.rm(staged, { recursive: true, force: true });
    throw error;
  }
}

/** Remove a folder so that no half-deleted folder is ever visible under its name. */
export async function removeDirAtomic(dir: string): Promise<void> {
  const trash = path.join(path.dirname(dir), tempName());
  inFlight.add(trash);
  try {
    await fs.rename(dir, trash);
    await fs.rm(trash, { recursive: true, force: true });
  } finally {
    inFlight.delete(trash);
  }
}

function parseTemp(name: string): { pid: number; aside?: string } | null {
  const m = OUR_TEMP.exec(name);
  return m ? { pid: Number(m[1]), aside: m[3] } : null;
}

/** Whether another process with this id runs (signal 0 checks without sending anything). */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** If `parent/name` is missing and a folder of that name was moved aside by a killed swap, put it back. */
async function restoreAside(parent: string, name: string): Promise<void> {
  if (await exists(path.join(parent, name))) return;
  const names = await fs.readdir(parent).catch(() => [] as string[]);
  for (const entry of names) {
    const full = path.join(parent, entry);
    const temp = parseTemp(entry);
    if (temp?.aside !== name || inFlight.has(full) || isRunning(temp.pid)) continue;
    await fs.rename(full, path.join(parent, name));
    return;
  }
}

export interface SweepOptions {
  /**
   * Leave temps of other processes that still run (an app and a CLI can write beside each other).
   * Off for the stores' start-up sweeps, whose folders only Glyph Lab writes.
   */
  spareRunning?: boolean;
}

/**
 * Finish what interrupted writes left in `dir` (not recursive): a folder moved aside whose name is
 * now free is put back; every other temp of ours is removed. Returns how many temps it handled.
 */
export async function sweepTemps(dir: string, options: SweepOptions = {}): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  let handled = 0;
  for (const name of names.sort()) {
    const temp = parseTemp(name);
    const full = path.join(dir, name);
    if (!temp || inFlight.has(full)) continue;
    if (options.spareRunning && isRunning(temp.pid)) continue;
    handled++;
    if (temp.aside && !(await exists(path.join(dir, temp.aside)))) {
      await fs.rename(full, path.join(dir, temp.aside));
      continue;
    }
    await fs.rm(full, { recursive: true, force: true });
  }
  return handled;
}

/**
 * Sweep the folders that writes of dead processes noted in `journal` (see `WriteDirOptions`), then
 * drop their notes. Returns how many notes it handled.
 */
export async function sweepJournal(journal: string): Promise<number> {
  const names = await fs.readdir(journal).catch(() => [] as string[]);
  let handled = 0;
  for (const name of names.sort()) {
    const temp = parseTemp(name.replace(/\.json$/, ''));
    const note = path.join(journal, name);
    if (!temp) continue;
    if (inFlight.has(note) || isRunning(temp.pid)) continue;
    try {
      const { parent } = JSON.parse(await fs.readFile(note, 'utf8')) as { parent?: unknown };
      if (typeof parent === 'string') await sweepTemps(parent, { spareRunning: true });
    } catch {
      // A torn or unreadable note: nothing to finish, drop it.
    }
    await fs.rm(note, { force: true });
    handled++;
  }
  return handled;
}
