import { promises as fs } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../test-helpers';
import { CustomDatasets } from './custom-datasets';
import { DatasetCatalog } from './dataset-catalog';
import { importImages } from './image-io';
import { SampleStore } from './sample-store';
import { exportDataset } from './set-files';

let tmp: ReturnType<typeof tempDir>;
let custom: CustomDatasets;
let samples: SampleStore;

/** A dark bar on white paper, like a photographed drawing. */
async function drawBar(file: string, x: number): Promise<void> {
  const w = 64;
  const pixels = Buffer.alloc(w * w, 255);
  for (let y = 10; y < 54; y++) for (let dx = 0; dx < 6; dx++) pixels[y * w + x + dx] = 0;
  await fs.mkdir(path.dirname(file), { recursive: true });
  await sharp(pixels, { raw: { width: w, height: w, channels: 1 } })
    .png()
    .toFile(file);
}

beforeEach(() => {
  tmp = tempDir();
  custom = new CustomDatasets(path.join(tmp.dir, 'user', 'datasets'));
  samples = new SampleStore(custom);
});
afterEach(() => tmp.remove());

describe('image import and export', () => {
  it('imports files with a label and folders by folder name, reporting what it could not read', async () => {
    const set = await custom.create('Imported');
    await drawBar(path.join(tmp.dir, 'in', 'one.png'), 20);
    await drawBar(path.join(tmp.dir, 'tree', '★', 'a.png'), 30);
    await drawBar(path.join(tmp.dir, 'tree', 'x', 'b.png'), 10);
    await fs.writeFile(path.join(tmp.dir, 'in', 'broken.png'), 'not a png');
    const labelled = await importImages(samples, set.id, 'bar', [
      path.join(tmp.dir, 'in', 'one.png'),
      path.join(tmp.dir, 'in', 'broken.png'),
    ]);
    expect(labelled.imported).toBe(1);
    expect(labelled.rejected).toHaveLength(1);
    expect(labelled.rejected[0]!.reason).toMatch(/not a readable image/);
    const byFolder = await importImages(samples, set.id, undefined, [path.join(tmp.dir, 'tree')]);
    expect(byFolder).toEqual({ imported: 2, rejected: [] });
    const counts = await custom.counts(await custom.read(set.id));
    expect(counts).toEqual({ bar: 1, '★': 1, x: 1 });
    // The stored image is normalized: ink inside the 20×20 box, centred.
    const [one] = await samples.list({ datasetId: set.id, label: 'bar' });
    expect(one!.image[14 * 28 + 14]).toBeGreaterThan(100);

    const registry = new DatasetCatalog(path.join(tmp.dir, 'no-data'), custom);
    const out = path.join(tmp.dir, 'exported');
    await exportDataset(registry, set.id, out);
    expect((await fs.readdir(out)).sort()).toEqual(['.glyph-lab-export.json', '_2605_', 'bar', 'x']);
  });

  it('exports a set as <label>/<n>.png atomically, round-trips through import, and never replaces an unrelated folder', async () => {
    const set = await custom.create('My ★ set');
    await drawBar(path.join(tmp.dir, 'tree', '★', 'a.png'), 30);
    await drawBar(path.join(tmp.dir, 'tree', '★', 'b.png'), 34);
    await drawBar(path.join(tmp.dir, 'tree', '1', 'c.png'), 10);
    await importImages(samples, set.id, undefined, [path.join(tmp.dir, 'tree')]);
    const registry = new DatasetCatalog(path.join(tmp.dir, 'no-data'), custom);

    const out = path.join(tmp.dir, 'export');
    const first = await exportDataset(registry, set.id, out);
    expect(first).toEqual({ path: out, images: 3, classes: 2 });
    expect((await fs.readdir(path.join(out, '_2605_'))).filter((n) => n.endsWith('.png'))).toHaveLength(2);
    expect((await fs.readdir(path.join(out, '1'))).filter((n) => n.endsWith('.png'))).toHaveLength(1);
    expect((await fs.readdir(tmp.dir)).filter((n) => n.startsWith('.tmp'))).toEqual([]);

    // An earlier export is replaced whole; the images read back with their labels.
    await exportDataset(registry, set.id, out);
    const again = await custom.create('Again');
    expect(await importImages(samples, again.id, undefined, [out])).toEqual({ imported: 3, rejected: [] });
    expect(await custom.counts(await custom.read(again.id))).toEqual({ '1': 1, '★': 2 });

    // A folder with other things in it is left alone: the set goes into a new folder inside it.
    const documents = path.join(tmp.dir, 'documents');
    await fs.mkdir(documents);
    await fs.writeFile(path.join(documents, 'letter.txt'), 'keep me');
    const inside = await exportDataset(registry, set.id, documents);
    expect(inside.path).toBe(path.join(documents, 'My-set'));
    expect(await fs.readFile(path.join(documents, 'letter.txt'), 'utf8')).toBe('keep me');
    await expect(exportDataset(registry, set.id, path.join(documents, 'letter.txt'))).rejects.toThrow(
      /is a file/,
    );
  });

  it("never replaces a folder of the user's images: Pictures/2023 and Pictures/2024 are kept", async () => {
    const set = await custom.create('Holiday');
    await drawBar(path.join(tmp.dir, 'tree', 'h', 'a.png'), 20);
    await importImages(samples, set.id, undefined, [path.join(tmp.dir, 'tree')]);
    const registry = new DatasetCatalog(path.join(tmp.dir, 'no-data'), custom);

    // The audit's case: a folder holding only sub-folders of images looked like an earlier export.
    const pictures = path.join(tmp.dir, 'Pictures');
    await drawBar(path.join(pictures, '2023', 'holiday.png'), 12);
    await fs.mkdir(path.join(pictures, '2024'));
    await fs.writeFile(path.join(pictures, '2024', 'scan.jpg'), 'a scan');
    const holiday = await fs.readFile(path.join(pictures, '2023', 'holiday.png'));
    const kept = async () => {
      expect(await fs.readFile(path.join(pictures, '2023', 'holiday.png'))).toEqual(holiday);
      expect(await fs.readFile(path.join(pictures, '2024', 'scan.jpg'), 'utf8')).toBe('a scan');
    };

    const first = await exportDataset(registry, set.id, pictures);
    expect(first).toEqual({ path: path.join(pictures, 'Holiday'), images: 1, classes: 1 });
    await kept();
    expect((await fs.readdir(pictures)).sort()).toEqual(['2023', '2024', 'Holiday']);

    // Our own earlier export is replaced, aimed at Pictures or at the export itself.
    await samples.add({ datasetId: set.id, label: 'h', image: new Float32Array(784).fill(0.5), strokes: [] });
    expect((await exportDataset(registry, set.id, pictures)).images).toBe(2);
    expect((await exportDataset(registry, set.id, first.path)).path).toBe(first.path);
    expect((await fs.readdir(path.join(first.path, 'h'))).filter((n) => n.endsWith('.png'))).toHaveLength(2);
    await kept();
    expect((await fs.readdir(pictures)).sort()).toEqual(['2023', '2024', 'Holiday']);
  });
});
