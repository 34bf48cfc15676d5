// 100,000-deep JSON in the user-data files the app reads (issue 14, item 12): JSON.parse copes, but
// writing the value back (JSON.stringify) overflowed the stack. Built in a temp folder.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { barImage } from '../test-helpers';
import type { CustomDatasets } from './custom-datasets';
import type { SampleStore } from './sample-store';
import { freshStores, type TestStores } from './test-stores';

const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;

let tmp: TestStores['tmp'];
let datasets: CustomDatasets;
let samples: SampleStore;
freshStores((s) => {
  ({ tmp, datasets, samples } = s);
});

describe('deeply nested JSON in user data', () => {
  it('refuses a dataset.json nested 100,000 deep with a clear error naming it', async () => {
    const set = await datasets.create('Deep', ['a']);
    const file = path.join(tmp.dir, 'datasets', set.id, 'dataset.json');
    const text = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, text.replace(/\}\s*$/, `, "notes": ${deep}}`));
    await expect(datasets.rename(set.id, 'Renamed')).rejects.toThrow(
      `${set.id}/dataset.json: JSON nested deeper than 64 levels`,
    );
    expect(await fs.readFile(file, 'utf8')).toContain('"notes"'); // left as it was
  });

  it('treats a strokes file nested 100,000 deep as missing: the sample still relabels', async () => {
    const set = await datasets.create('Strokes', ['a', 'b']);
    const sample = await samples.add({ datasetId: set.id, label: 'a', image: barImage(5), strokes: [] });
    const entries = await fs.readdir(path.join(tmp.dir, 'datasets', set.id), { recursive: true });
    const json = entries.find((e) => e.endsWith(`${sample.id}.json`))!;
    await fs.writeFile(path.join(tmp.dir, 'datasets', set.id, json), `{"strokes": ${deep}}`);
    expect((await samples.relabel({ datasetId: set.id, id: sample.id, label: 'b' })).label).toBe('b');
    expect((await samples.list({ datasetId: set.id, label: 'b' })).map((s) => s.id)).toEqual([sample.id]);
  });
});
