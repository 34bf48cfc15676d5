import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEMP_PREFIX } from '../../../datasets/io/atomic';
import { barImage } from '../test-helpers';
import { CustomDatasets } from './custom-datasets';
import type { SampleStore } from './sample-store';
import { freshStores } from './test-stores';

let datasets: CustomDatasets;
let samples: SampleStore;
freshStores((s) => {
  ({ datasets, samples } = s);
});

describe('custom datasets and samples', () => {
  it('adds, lists, counts, relabels and deletes samples, with any Unicode label', async () => {
    const set = await datasets.create('My symbols', ['★']);
    const a = await samples.add({ datasetId: set.id, label: '★', image: barImage(5), strokes: [[[1, 2]]] });
    const b = await samples.add({ datasetId: set.id, label: 'A', image: barImage(20), strokes: [] });
    await samples.add({ datasetId: set.id, label: 'a', image: barImage(14), strokes: [] });
    expect(a.image[4 * 28 + 5]).toBe(255);

    let file = await datasets.read(set.id);
    expect(file.classes.map((c) => c.label)).toEqual(['★', 'A', 'a']);
    expect(await datasets.counts(file)).toEqual({ '★': 1, A: 1, a: 1 });

    const listed = await samples.list({ datasetId: set.id, label: '★' });
    expect(listed.map((s) => s.id)).toEqual([a.id]);
    expect(Array.from(listed[0]!.image)).toEqual(Array.from(a.image));

    const moved = await samples.relabel({ datasetId: set.id, id: b.id, label: '★' });
    expect(moved.label).toBe('★');
    file = await datasets.read(set.id);
    expect(await datasets.counts(file)).toEqual({ '★': 2, A: 0, a: 1 });

    await samples.delete({ datasetId: set.id, id: a.id });
    expect((await samples.list({ datasetId: set.id })).map((s) => s.id).sort()).toHaveLength(2);
    await expect(samples.delete({ datasetId: set.id, id: a.id })).rejects.toThrow(/no sample/);
  });

  it('serializes concurrent writes to one dataset: nothing is lost', async () => {
    const set = await datasets.create('Busy');
    const labels = ['x', 'y', 'z', 'Ω'];
    const added = await Promise.all(
      Array.from({ length: 24 }, (_, i) =>
        samples.add({ datasetId: set.id, label: labels[i % 4]!, image: barImage(i), strokes: [] }),
      ),
    );
    expect(new Set(added.map((s) => s.id)).size).toBe(24);
    const file = await datasets.read(set.id);
    expect(file.classes.map((c) => c.label)).toEqual(labels);
    expect(await datasets.counts(file)).toEqual({ x: 6, y: 6, z: 6, Ω: 6 });
  });

  it('ignores what an interrupted write leaves behind, and sweeps it', async () => {
    const set = await datasets.create('Crashy', ['1']);
    const kept = await samples.add({ datasetId: set.id, label: '1', image: barImage(3), strokes: [] });
    const classDir = path.join(datasets.dir(set.id), '1');
    // A kill during a save: a temp PNG, and a JSON whose PNG never landed.
    await fs.writeFile(path.join(classDir, `${TEMP_PREFIX}123-abc`), 'half a png');
    await fs.writeFile(path.join(classDir, 'sorphan.json'), '{"id":"sorphan"}');
    await fs.writeFile(path.join(datasets.dir(set.id), `${TEMP_PREFIX}9-dataset`), '{');
    const listed = await samples.list({ datasetId: set.id });
    expect(listed.map((s) => s.id)).toEqual([kept.id]);
    expect((await datasets.list()).map((d) => d.id)).toEqual([set.id]);
    await datasets.sweep();
    expect((await fs.readdir(classDir)).some((n) => n.startsWith(TEMP_PREFIX))).toBe(false);
  });

  it('skips a corrupt dataset.json without failing the list', async () => {
    const good = await datasets.create('Good');
    const bad = await datasets.create('Bad');
    await fs.writeFile(path.join(datasets.dir(bad.id), 'dataset.json'), '{ not json');
    const logged: string[] = [];
    const withLog = new CustomDatasets(datasets.root, (m) => logged.push(m));
    expect((await withLog.list()).map((d) => d.id)).toEqual([good.id]);
    expect(logged.join('\n')).toContain(bad.id);
  });

  it('renames and deletes classes, refusing duplicates', async () => {
    const set = await datasets.create('Classes', ['a', 'b']);
    await samples.add({ datasetId: set.id, label: 'a', image: barImage(3), strokes: [] });
    await expect(datasets.renameClass(set.id, 'a', 'b')).rejects.toThrow(/already exists/);
    await datasets.renameClass(set.id, 'a', 'A');
    expect((await samples.list({ datasetId: set.id, label: 'A' })).length).toBe(1);
    await datasets.deleteClass(set.id, 'A');
    expect(await samples.list({ datasetId: set.id })).toEqual([]);
    expect((await datasets.read(set.id)).classes.map((c) => c.label)).toEqual(['b']);
  });
});
