// Test support (vitest, Node): a fresh temp folder per test (`each`) or per file (`all`), removed after.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';

/** Registers the hooks; `set` receives each new folder's path. */
export function registerTempDir(
  prefix: string,
  set: (dir: string) => void,
  scope: 'each' | 'all' = 'each',
): void {
  let dir = '';
  (scope === 'each' ? beforeEach : beforeAll)(async () => {
    dir = await mkdtemp(join(tmpdir(), prefix));
    set(dir);
  });
  (scope === 'each' ? afterEach : afterAll)(async () => {
    await rm(dir, { recursive: true, force: true });
  });
}
