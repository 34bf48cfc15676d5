// Two processes saving samples to one set at once (the app and the CLI share the data folder): with
// the dataset lock no update of dataset.json is lost, and no class or sample. Prints the figures.
// Opening the set would also re-list a folder of samples that dataset.json lost (custom-datasets.ts
// repairs), so the raw file is checked first, and empty classes, which no repair can find again, are
// tested too: that test fails without the lock alone. So does the one on the model store's shared
// file, active-models.json.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCore } from './core';
import { CustomDatasets } from './stores/custom-datasets';
import { forkStoreChild, tempDir } from './test-helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PER_PROCESS = 15;

/** Run two store children with the same mode at once, one with prefix a and one with b. */
async function runBoth(mode: string, root: string, id: string): Promise<void> {
  const children = ['a', 'b'].map((prefix) => forkStoreChild([mode, root, id, prefix, String(PER_PROCESS)]));
  await Promise.all(children.map((c) => c.ready));
  for (const c of children) c.go(); // both start together
  expect(await Promise.all(children.map((c) => c.exit))).toEqual([0, 0]);
}

const EXPECTED = ['a', 'b'].flatMap((p) => Array.from({ length: PER_PROCESS }, (_, i) => `${p}${i}`)).sort();

let tmp: ReturnType<typeof tempDir>;
beforeAll(() => {
  tmp = tempDir();
});
afterAll(() => tmp.remove());

it(`2 processes × ${PER_PROCESS} samples under new labels: every class and every sample listed`, async () => {
  const root = path.join(tmp.dir, 'datasets');
  const set = await new CustomDatasets(root).create('Shared');
  await runBoth('add-samples', root, set.id);
  // dataset.json as the two left it, before any reader could repair it: no update lost.
  const raw = JSON.parse(await fs.readFile(path.join(root, set.id, 'dataset.json'), 'utf8')) as {
    classes: unknown[];
  };

  const core = await createCore({
    userDataDir: tmp.dir,
    resourcesDir: ROOT,
    spawnTrainer: () => {
      throw new Error('no trainer in this test');
    },
  });
  const info = (await core.handlers['datasets:list'](undefined)).find((d) => d.id === set.id)!;
  const listed = await core.handlers['samples:list']({ datasetId: set.id });
  await core.dispose();
  console.log(
    `two processes: dataset.json lists ${raw.classes.length} of ${2 * PER_PROCESS} classes; opened, ${info.classes.length} of ${2 * PER_PROCESS} classes, ${listed.length} of ${2 * PER_PROCESS} samples listed`,
  );
  expect(raw.classes).toHaveLength(2 * PER_PROCESS);
  expect([...info.classes].sort()).toEqual(EXPECTED);
  expect(listed.map((s) => s.label).sort()).toEqual(EXPECTED);
  expect(Object.values(info.counts ?? {}).every((n) => n === 1)).toBe(true);
});

it(`2 processes × ${PER_PROCESS} new empty classes: every class listed`, async () => {
  const datasets = new CustomDatasets(path.join(tmp.dir, 'datasets'));
  const set = await datasets.create('Classes only');
  await runBoth('add-classes', datasets.root, set.id);
  const labels = (await datasets.read(set.id)).classes.map((c) => c.label);
  console.log(`two processes: ${labels.length} of ${2 * PER_PROCESS} empty classes listed`);
  expect([...labels].sort()).toEqual(EXPECTED);
});

it(`2 processes × ${PER_PROCESS} models made active: active-models.json keeps all of them`, async () => {
  const userDir = path.join(tmp.dir, 'user');
  await runBoth('activate-models', userDir, '-');
  const active = JSON.parse(await fs.readFile(path.join(userDir, 'active-models.json'), 'utf8'));
  console.log(`two processes: ${Object.keys(active).length} of ${2 * PER_PROCESS} active models kept`);
  expect(Object.keys(active).sort()).toEqual(EXPECTED);
});
