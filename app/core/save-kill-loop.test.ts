// Saving killed at random moments (SIGKILL of a real process saving samples under old and new labels,
// and models, as fast as it can), then the user-data folder opened the way the app opens it at
// start-up. Nothing may be torn: every sample file on disk is listed under a class and reads back, every
// listed model loads, nothing saved before the kill is lost, and no temp leftovers survive the sweep.
// Prints the figures (kills, samples and models saved, torn entries).

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { isTempName } from '../../datasets/io/atomic';
import { createCore } from './core';
import { CustomDatasets } from './stores/custom-datasets';
import { forkStoreChild, samplesOnDisk, tempDir } from './test-helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KILLS = 50;

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

/** Every file and folder name below `dir` that is one of our temp names. */
async function tempsBelow(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => isTempName(e.name)).map((e) => path.join(e.parentPath, e.name));
}

it(`keeps every saved sample and model whole through ${KILLS} kills while saving`, async () => {
  const datasets = new CustomDatasets(path.join(tmp.dir, 'datasets'));
  const set = await datasets.create('Save loop', ['keep']);
  const open = () =>
    createCore({
      userDataDir: tmp.dir,
      resourcesDir: ROOT,
      spawnTrainer: () => {
        throw new Error('no trainer in this test');
      },
    });

  let torn = 0;
  let savedBefore = { samples: 0, models: 0 };
  const problems: string[] = [];
  let next = forkStoreChild(['save-loop', tmp.dir, set.id]);
  for (let k = 0; k < KILLS; k++) {
    const current = next;
    await current.ready;
    current.go();
    next = forkStoreChild(['save-loop', tmp.dir, set.id]);
    await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 120));
    current.child.kill('SIGKILL');
    await current.exit;

    const core = await open();
    const problem: string[] = [];
    const listed = await core.handlers['samples:list']({ datasetId: set.id });
    const ids = listed.map((s) => s.id).sort();
    const files = await samplesOnDisk(datasets.dir(set.id));
    if (JSON.stringify(ids) !== JSON.stringify(files))
      problem.push(`${ids.length} listed, ${files.length} on disk`);
    if (listed.some((s) => s.image.length !== 784)) problem.push('a sample image does not read back');
    const models = (await core.handlers['models:list'](undefined)).filter((m) => !m.builtin);
    for (const m of models) {
      try {
        await core.handlers['models:get']({ id: m.id });
      } catch (error) {
        problem.push(`model ${m.id}: ${(error as Error).message}`);
      }
    }
    const skipped = await core.handlers['models:skipped'](undefined);
    if (skipped.length > 0) problem.push(`${skipped.length} model folders skipped`);
    if (listed.length < savedBefore.samples || models.length < savedBefore.models)
      problem.push(
        `lost: ${savedBefore.samples} → ${listed.length} samples, ${savedBefore.models} → ${models.length} models`,
      );
    await core.dispose();
    const temps = await tempsBelow(tmp.dir);
    if (temps.length > 0) problem.push(`temps left after start-up: ${temps.join(', ')}`);
    savedBefore = { samples: listed.length, models: models.length };
    if (problem.length > 0) {
      torn++;
      problems.push(`kill ${k + 1}: ${problem.join('; ')}`);
    }
  }
  next.child.kill('SIGKILL');
  await next.exit;
  console.log(
    `save kill loop: ${KILLS} kills, ${savedBefore.samples} samples and ${savedBefore.models} models saved, ${torn} torn`,
  );
  expect(problems).toEqual([]);
  expect(savedBefore.samples).toBeGreaterThan(KILLS);
}, 600_000);
