// A lock shared between processes (Node only): the app and the CLI work on the same data folder, and
// an in-process queue cannot order their read-modify-writes. The lock is a file created with
// exclusive create ('wx', O_EXCL), holding who took it (pid, hostname, time, a random token).
//
// A lock is stale, and is taken over, when its holder is a process of this machine that no longer
// exists, or when it has not been refreshed for `staleMs` (a holder touches the file every
// staleMs / 3, so only a dead or frozen holder, or one on another machine that died, lets it age).
// Taking over is itself guarded by a second exclusive file (`<lock>.takeover`), so two waiters that
// both judge a lock stale cannot both remove it and end up holding one each.

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface FileLockOptions {
  /** Give up and throw `LockTimeoutError` after waiting this long (ms). */
  timeoutMs?: number;
  /** A lock not refreshed for this long is stale, whoever holds it (ms). */
  staleMs?: number;
}

export const LOCK_DEFAULTS: Required<FileLockOptions> = { timeoutMs: 30_000, staleMs: 15_000 };

/** What a lock file holds. */
export interface LockHolder {
  pid: number;
  hostname: string;
  /** ISO time the lock was taken. */
  since: string;
  token: string;
}

/** Waiting for a lock took longer than `timeoutMs`; `holder` says who has it (when readable). */
export class LockTimeoutError extends Error {
  override name = 'LockTimeoutError';
  constructor(
    readonly file: string,
    readonly holder: LockHolder | undefined,
    waitedMs: number,
  ) {
    const who = holder
      ? `process ${holder.pid} on ${holder.hostname} since ${holder.since}`
      : 'another process';
    super(`${path.basename(file)} is held by ${who}; gave up after ${(waitedMs / 1000).toFixed(1)} s`);
  }
}

interface Seen {
  holder: LockHolder | undefined;
  mtimeMs: number;
}

function newHolder(): LockHolder {
  return {
    pid: process.pid,
    hostname: os.hostname(),
    since: new Date().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

/** Create `file` only if it does not exist; false when it does. */
async function createExclusive(file: string, holder: LockHolder): Promise<boolean> {
  try {
    await fs.writeFile(file, JSON.stringify(holder), { flag: 'wx' });
    return true;
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw error;
  }
}

/** The lock file's holder and age, or null when it is gone. */
async function inspect(file: string): Promise<Seen | null> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    let holder: LockHolder | undefined;
    try {
      const data = JSON.parse(text) as Partial<LockHolder>;
      if (typeof data.pid === 'number' && typeof data.hostname === 'string' && typeof data.token === 'string')
        holder = data as LockHolder;
    } catch {
      // Empty or torn: its creator was stopped between create and write. Only its age can tell.
    }
    return { holder, mtimeMs: stat.mtimeMs };
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return null;
    throw error;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return codeOf(error) === 'EPERM';
  }
}

function isStale(seen: Seen, staleMs: number): boolean {
  const { holder } = seen;
  if (holder && holder.hostname === os.hostname() && !processAlive(holder.pid)) return true;
  return Date.now() - seen.mtimeMs > staleMs;
}

function sameLock(a: Seen, b: Seen): boolean {
  return a.holder && b.holder ? a.holder.token === b.holder.token : a.mtimeMs === b.mtimeMs;
}

/**
 * Remove the lock `seen` described if it is still there and still stale; at most one waiter does.
 * True when the lock is gone (worth retrying at once), false when another waiter is taking over.
 */
async function takeOver(file: string, seen: Seen, staleMs: number): Promise<boolean> {
  const guard = `${file}.takeover`;
  if (!(await createExclusive(guard, newHolder()))) {
    // Someone else is taking over. A guard left by a dead waiter is cleared the same way locks are.
    const other = await inspect(guard);
    if (other && isStale(other, staleMs)) await fs.rm(guard, { force: true });
    return false;
  }
  try {
    const again = await inspect(file);
    if (again && !(sameLock(again, seen) && isStale(again, staleMs))) return false;
    await fs.rm(file, { force: true });
    return true;
  } finally {
    await fs.rm(guard, { force: true });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A held lock: refreshed while held, removed by `release` (only if it is still this holder's). */
export class FileLock {
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    readonly file: string,
    readonly holder: LockHolder,
    staleMs: number,
  ) {
    this.timer = setInterval(() => {
      const now = new Date();
      fs.utimes(file, now, now).catch(() => {});
    }, staleMs / 3);
    this.timer.unref();
  }

  async release(): Promise<void> {
    clearInterval(this.timer);
    const seen = await inspect(this.file).catch(() => null);
    if (seen?.holder?.token === this.holder.token) await fs.rm(this.file, { force: true });
  }
}

/** Take the lock `file` (its folder is created), waiting with backoff while another process holds it. */
export async function acquireFileLock(file: string, options: FileLockOptions = {}): Promise<FileLock> {
  const { timeoutMs, staleMs } = { ...LOCK_DEFAULTS, ...options };
  await fs.mkdir(path.dirname(file), { recursive: true });
  const started = Date.now();
  let delay = 2;
  for (;;) {
    const holder = newHolder();
    if (await createExclusive(file, holder)) return new FileLock(file, holder, staleMs);
    const seen = await inspect(file);
    if (seen === null) continue; // released between the two calls
    if (isStale(seen, staleMs) && (await takeOver(file, seen, staleMs))) continue;
    const waited = Date.now() - started;
    if (waited >= timeoutMs) throw new LockTimeoutError(file, seen.holder, waited);
    // Jittered exponential backoff, so waiters do not retry in step.
    await sleep(Math.min(delay * (0.5 + Math.random()), timeoutMs - waited));
    delay = Math.min(delay * 2, 200);
  }
}

/** Run `task` holding the lock `file`; the lock is released however the task ends. */
export async function withFileLock<T>(
  file: string,
  task: () => Promise<T>,
  options: FileLockOptions = {},
): Promise<T> {
  const lock = await acquireFileLock(file, options);
  try {
    return await task();
  } finally {
    await lock.release();
  }
}
