// Test support (vitest): a real core over a fresh temp user-data folder with a real trainer child
// process, for a whole test file; every training event is collected.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import type { TrainingEvent } from '../shared/types';
import { type Core, createCore } from './core';
import { spawnNodeTrainer } from './spawn-node';
import { tempDir } from './test-helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Registers the hooks; `set` receives the core and its folder; returns the list the events go to. */
export function coreForFile(set: (core: Core, tmp: ReturnType<typeof tempDir>) => void): TrainingEvent[] {
  const events: TrainingEvent[] = [];
  let tmp: ReturnType<typeof tempDir> | undefined;
  let core: Core | undefined;
  beforeAll(async () => {
    tmp = tempDir();
    core = await createCore({ userDataDir: tmp.dir, resourcesDir: ROOT, spawnTrainer: spawnNodeTrainer() });
    core.on((event, payload) => {
      if (event === 'training:event') events.push(payload as TrainingEvent);
    });
    set(core, tmp);
  });
  afterAll(async () => {
    await core?.dispose();
    tmp?.remove();
  });
  return events;
}
