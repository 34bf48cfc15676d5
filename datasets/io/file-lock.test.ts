// The cross-process lock with real processes: two children bumping one counter, locks left by dead or
// frozen holders taken over, a live holder waited for and then reported by a clear error.

import { fork, spawnSync } from 'node:child_process';
import { promises as fs, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireFileLock, type LockHolder, LockTimeoutError, withFileLock } from './file-lock';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'file-lock-child.ts');
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'glyph-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Fork the children, start them together once all are ready, and resolve with their exit codes. */
async function runChildren(argsList: string[][]): Promise<(number | null)[]> {
  const children = argsList.map((args) =>
    fork(CHILD, args, { execArgv: ['--import', TSX], stdio: 'inherit' }),
  );
  const exits = children.map((c) => new Promise<number | null>((resolve) => c.on('exit', resolve)));
  await Promise.all(children.map((c) => new Promise((resolve) => c.once('message', resolve))));
  for (const c of children) c.send('go');
  return Promise.all(exits);
}

/** A pid that certainly belonged to a process that has exited. */
function deadPid(): number {
  const result = spawnSync(process.execPath, ['-e', '']);
  return result.pid!;
}

async function writeLock(file: string, holder: Partial<LockHolder>, ageMs = 0): Promise<void> {
  await fs.writeFile(
    file,
    JSON.stringify({ hostname: os.hostname(), since: 'then', token: 'old', ...holder }),
  );
  const then = new Date(Date.now() - ageMs);
  await fs.utimes(file, then, then);
}

describe('file lock', () => {
  it('orders the read-modify-writes of two processes: 2 × 40 increments give 80', async () => {
    const counter = path.join(dir, 'counter');
    const lock = path.join(dir, 'locks', 'counter.lock');
    const run = async (mode: string) => {
      await fs.writeFile(counter, '0');
      const codes = await runChildren([1, 2].map(() => [counter, lock, '40', mode]));
      expect(codes).toEqual([0, 0]);
      return Number(await fs.readFile(counter, 'utf8'));
    };
    expect(await run('locked')).toBe(80);
    // The same children without the lock lose updates (the reason for the lock).
    expect(await run('unlocked')).toBeLessThan(80);
    await expect(fs.access(lock)).rejects.toThrow(); // released
  });

  it('takes over a lock whose holder process has died', async () => {
    const lock = path.join(dir, 'a.lock');
    await writeLock(lock, { pid: deadPid() });
    const held = await acquireFileLock(lock, { timeoutMs: 5000, staleMs: 600_000 });
    expect(JSON.parse(await fs.readFile(lock, 'utf8')).pid).toBe(process.pid);
    await held.release();
    await expect(fs.access(lock)).rejects.toThrow();
  });

  it('takes over a lock of a live process that has not refreshed it for staleMs, and an empty one', async () => {
    const lock = path.join(dir, 'b.lock');
    await writeLock(lock, { pid: process.ppid }, 60_000);
    await withFileLock(lock, async () => {}, { timeoutMs: 5000, staleMs: 10_000 });
    await fs.writeFile(lock, ''); // creator stopped between create and write
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lock, old, old);
    await withFileLock(lock, async () => {}, { timeoutMs: 5000, staleMs: 10_000 });
  });

  it('waits for a live holder, then gives a clear error naming it', async () => {
    const lock = path.join(dir, 'c.lock');
    await writeLock(lock, { pid: process.ppid, since: '2024-01-01T00:00:00.000Z' });
    const error = await acquireFileLock(lock, { timeoutMs: 300, staleMs: 600_000 }).catch((e) => e);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(error.message).toMatch(
      new RegExp(`c\\.lock is held by process ${process.ppid} on .+ since 2024-01-01.*gave up after`),
    );
    // Still the holder's: a waiter that gave up removes nothing.
    expect(JSON.parse(await fs.readFile(lock, 'utf8')).token).toBe('old');
  });

  it('keeps a held lock fresh, and release leaves a lock that is no longer its own', async () => {
    const lock = path.join(dir, 'd.lock');
    const held = await acquireFileLock(lock, { staleMs: 300 });
    const old = new Date(Date.now() - 60_000);
    await fs.utimes(lock, old, old);
    await new Promise((resolve) => setTimeout(resolve, 400)); // refreshed every 100 ms
    expect(Date.now() - (await fs.stat(lock)).mtimeMs).toBeLessThan(300);
    await writeLock(lock, { pid: process.ppid, token: 'theirs' });
    await held.release();
    expect(JSON.parse(await fs.readFile(lock, 'utf8')).token).toBe('theirs');
  });

  it('lets one of many waiters in at a time, also in one process and when they all find a dead holder', async () => {
    const lock = path.join(dir, 'e.lock');
    await writeLock(lock, { pid: deadPid() });
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(lock, async () => {
          most = Math.max(most, ++inside);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
  });
});
