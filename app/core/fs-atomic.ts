// Crash-safe file writes: a reader sees the old content or the new, never a torn one.
// Files: write a temp file beside the target, fsync it, rename over the target, fsync the folder.
// Folders: build a temp folder beside the target, fsync its files, rename it into place.
// Temp names start with `.tmp-` so listings skip them and `sweepTemps` can clear leftovers.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export const TEMP_PREFIX = '.tmp-';

export function tempName(): string {
  return `${TEMP_PREFIX}${process.pid}-${randomBytes(6).toString('hex')}`;
}

export function isTempName(name: string): boolean {
  return name.startsWith(TEMP_PREFIX);
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

/** Replace `file` with `data` atomically. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, tempName());
  try {
    await writeSynced(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
  await fsyncPath(dir);
}

/** Create the folder `dir` (which must not exist) holding `files`, all or nothing. */
export async function writeDirAtomic(dir: string, files: Record<string, string | Uint8Array>): Promise<void> {
  const parent = path.dirname(dir);
  await fs.mkdir(parent, { recursive: true });
  const temp = path.join(parent, tempName());
  try {
    await fs.mkdir(temp);
    for (const [name, data] of Object.entries(files)) await writeSynced(path.join(temp, name), data);
    await fsyncPath(temp);
    await fs.rename(temp, dir);
  } catch (error) {
    await fs.rm(temp, { recursive: true, force: true });
    throw error;
  }
  await fsyncPath(parent);
}

/** Replace the folder `dir` with new `files` atomically enough: the old one is moved aside first, then removed. */
export async function replaceDirAtomic(
  dir: string,
  files: Record<string, string | Uint8Array>,
): Promise<void> {
  const parent = path.dirname(dir);
  const staged = path.join(parent, tempName());
  await writeDirAtomic(staged, files);
  const old = path.join(parent, tempName());
  try {
    await fs.rename(dir, old);
  } catch {
    // No old folder: nothing to move aside.
  }
  await fs.rename(staged, dir);
  await fs.rm(old, { recursive: true, force: true });
}

/** Remove a folder so that no half-deleted folder is ever visible under its name. */
export async function removeDirAtomic(dir: string): Promise<void> {
  const trash = path.join(path.dirname(dir), tempName());
  await fs.rename(dir, trash);
  await fs.rm(trash, { recursive: true, force: true });
}

/** Delete temp leftovers of an interrupted write in `dir` (not recursive). */
export async function sweepTemps(dir: string): Promise<number> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  const temps = names.filter(isTempName);
  for (const name of temps) await fs.rm(path.join(dir, name), { recursive: true, force: true });
  return temps.length;
}

export async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

/** Run tasks one after another per key (per dataset, per store): writes never interleave. */
export class KeyedQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}
