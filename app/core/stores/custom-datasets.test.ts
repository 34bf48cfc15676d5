// dataset.json and the class folders on disk brought together again after interrupted changes: each
// state a crash can leave (or an older version left) is built by hand, then the set is opened.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { barImage } from '../test-helpers';
import { CustomDatasets } from './custom-datasets';
import type { SampleStore } from './sample-store';
import { freshStores, type TestStores } from './test-stores';

let tmp: TestStores['tmp'];
let datasets: CustomDatasets;
let samples: SampleStore;
freshStores((s) => {
  ({ tmp, datasets, samples } = s);
});

/** A set with classes keep and x, two samples each. */
async function setWithSamples() {
  const set = await datasets.create('Repairs', ['keep', 'x']);
  for (let i = 0; i < 2; i++) {
    await samples.add({ datasetId: set.id, label: 'keep', image: barImage(5 + i), strokes: [] });
    await samples.add({ datasetId: set.id, label: 'x', image: barImage(15 + i), strokes: [] });
  }
  return { id: set.id, dir: datasets.dir(set.id) };
}

async function editJson(dir: string, change: (json: { classes: Record<string, string>[] }) => void) {
  const file = path.join(dir, 'dataset.json');
  const json = JSON.parse(await fs.readFile(file, 'utf8'));
  change(json);
  await fs.writeFile(file, JSON.stringify(json));
}

const firstPng = async (dir: string) =>
  path.join(dir, (await fs.readdir(dir)).find((n) => n.endsWith('.png'))!);

const summary = async (id: string) => ({
  classes: (await datasets.read(id)).classes,
  counts: await datasets.counts(await datasets.read(id)),
});

describe('custom dataset repair', () => {
  it('renames a class with its samples, leaving no note behind', async () => {
    const { id } = await setWithSamples();
    await datasets.renameClass(id, 'x', 'Y');
    expect(await summary(id)).toEqual({
      classes: [
        { label: 'keep', folder: 'keep' },
        { label: 'Y', folder: '_59_' },
      ],
      counts: { keep: 2, Y: 2 },
    });
  });

  it('finishes a rename cut off after dataset.json was written, before the folder moved', async () => {
    const { id, dir } = await setWithSamples();
    await editJson(dir, (json) => {
      json.classes[1] = { label: 'y', folder: 'y', movingFrom: 'x' };
    });
    expect(await summary(id)).toEqual({
      classes: [
        { label: 'keep', folder: 'keep' },
        { label: 'y', folder: 'y' },
      ],
      counts: { keep: 2, y: 2 },
    });
    await expect(fs.access(path.join(dir, 'x'))).rejects.toThrow();
  });

  it('finishes a rename cut off after the folder moved, and one whose target folder already existed', async () => {
    const { id, dir } = await setWithSamples();
    await fs.rename(path.join(dir, 'x'), path.join(dir, 'y'));
    await editJson(dir, (json) => {
      json.classes[1] = { label: 'y', folder: 'y', movingFrom: 'x' };
    });
    expect((await summary(id)).counts).toEqual({ keep: 2, y: 2 });

    await fs.mkdir(path.join(dir, 'z'));
    await fs.writeFile(
      path.join(dir, 'z', 'other.png'),
      await fs.readFile(await firstPng(path.join(dir, 'keep'))),
    );
    await editJson(dir, (json) => {
      json.classes[1] = { label: 'z', folder: 'z', movingFrom: 'y' };
    });
    expect((await summary(id)).counts).toEqual({ keep: 2, z: 3 });
    expect((await samples.list({ datasetId: id, label: 'z' })).length).toBe(3);
  });

  it('lists folders of samples that no class lists: a rename torn by an older version, a cut-off delete, another tool', async () => {
    const { id, dir } = await setWithSamples();
    // The old order: the folder moved, dataset.json never rewritten.
    await fs.rename(path.join(dir, 'x'), path.join(dir, '_59_'));
    // A folder from another tool, whose name is its label, and one that collides with a class.
    await fs.mkdir(path.join(dir, 'Cats'));
    await fs.copyFile(await firstPng(path.join(dir, '_59_')), path.join(dir, 'Cats', 'c1.png'));
    await fs.mkdir(path.join(dir, '_6b_eep')); // "keep" with an encoded k: the label keep is taken
    await fs.copyFile(path.join(dir, 'Cats', 'c1.png'), path.join(dir, '_6b_eep', 'k1.png'));
    // Not samples: an empty folder, a folder of strokes only.
    await fs.mkdir(path.join(dir, 'empty'));
    await fs.mkdir(path.join(dir, 'strokes'));
    await fs.writeFile(path.join(dir, 'strokes', 'a.json'), '{}');

    const { classes, counts } = await summary(id);
    expect(classes.map((c) => c.label).sort()).toEqual(['Cats', 'Y', 'keep', 'keep (2)', 'x'].sort());
    expect(counts).toEqual({ keep: 2, x: 0, Y: 2, Cats: 1, 'keep (2)': 1 });
    expect(await samples.list({ datasetId: id })).toHaveLength(6);
  });

  it('a class delete cut short before its folder went keeps the samples listed', async () => {
    const { id, dir } = await setWithSamples();
    await editJson(dir, (json) => {
      json.classes.pop();
    });
    const fresh = new CustomDatasets(path.join(tmp.dir, 'datasets'));
    await fresh.sweep(); // start-up
    const raw = JSON.parse(await fs.readFile(path.join(dir, 'dataset.json'), 'utf8'));
    expect(raw.classes).toEqual([
      { label: 'keep', folder: 'keep' },
      { label: 'x', folder: 'x' },
    ]);
    await datasets.deleteClass(id, 'x');
    expect((await summary(id)).counts).toEqual({ keep: 2 });
  });
});
