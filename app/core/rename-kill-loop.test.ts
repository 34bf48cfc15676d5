// A class rename killed at random moments (SIGKILL of a real process renaming back and forth), then
// the set opened the way the app opens it at start-up: every sample file must be listed under a class
// and no class may be missing. Prints the figures (kills, kills that landed inside a rename, kills
// that left the set's lock file behind, torn sets).

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore } from './core';
import { CustomDatasets } from './stores/custom-datasets';
import { SampleStore } from './stores/sample-store';
import { barImage, forkStoreChild, samplesOnDisk, tempDir } from './test-helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const KILLS = 55;
const PER_CLASS = 4;

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

it(`keeps every sample listed through ${KILLS} kills during class renames`, async () => {
  const root = path.join(tmp.dir, 'datasets');
  const datasets = new CustomDatasets(root);
  const samples = new SampleStore(datasets);
  const set = await datasets.create('Kill loop', ['keep', 'x']);
  for (let i = 0; i < PER_CLASS; i++) {
    await samples.add({ datasetId: set.id, label: 'keep', image: barImage(5 + i), strokes: [] });
    await samples.add({ datasetId: set.id, label: 'x', image: barImage(15 + i), strokes: [] });
  }
  const all = await samplesOnDisk(datasets.dir(set.id));
  expect(all).toHaveLength(2 * PER_CLASS);

  let torn = 0;
  let inside = 0;
  let locksLeft = 0;
  const problems: string[] = [];
  // The next child starts while the current one runs, so tsx's start-up is not paid twice per kill.
  let next = forkStoreChild(['rename-loop', root, set.id, 'x', 'y']);
  for (let k = 0; k < KILLS; k++) {
    const current = next;
    await current.ready;
    current.go();
    next = forkStoreChild(['rename-loop', root, set.id, 'x', 'y']);
    await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 60));
    current.child.kill('SIGKILL');
    await current.exit;

    // Where the kill landed, read before anything repairs it.
    const raw = JSON.parse(await fs.readFile(path.join(datasets.dir(set.id), 'dataset.json'), 'utf8')) as {
      classes: { folder: string; movingFrom?: string }[];
    };
    const onDisk = new Set((await fs.readdir(datasets.dir(set.id))).filter((n) => !n.includes('.')));
    if (raw.classes.some((c) => c.movingFrom !== undefined || !onDisk.has(c.folder))) inside++;
    // A lock the killed process held: opening must take it over (its pid is dead), not wait on it.
    if (await fs.stat(path.join(root, '.locks', `${set.id}.lock`)).catch(() => null)) locksLeft++;

    // Open as the app does at start-up.
    const core = await createCore({
      userDataDir: tmp.dir,
      resourcesDir: ROOT,
      spawnTrainer: () => {
        throw new Error('no trainer in this test');
      },
    });
    const info = (await core.handlers['datasets:list'](undefined)).find((d) => d.id === set.id);
    const listed = (await core.handlers['samples:list']({ datasetId: set.id })).map((s) => s.id).sort();
    await core.dispose();
    const files = await samplesOnDisk(datasets.dir(set.id));
    const classes = info?.classes.join(',');
    const ok =
      (classes === 'keep,x' || classes === 'keep,y') &&
      JSON.stringify(listed) === JSON.stringify(all) &&
      JSON.stringify(files) === JSON.stringify(all);
    if (!ok) {
      torn++;
      problems.push(`kill ${k + 1}: classes ${classes}, ${listed.length} listed, ${files.length} on disk`);
    }
  }
  next.child.kill('SIGKILL');
  await next.exit;
  console.log(
    `rename kill loop: ${KILLS} kills, ${inside} inside a rename, ${locksLeft} left their lock, ${torn} torn`,
  );
  expect(problems).toEqual([]);
  expect(torn).toBe(0);
}, 600_000);
