import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeIdxImages, encodeIdxLabels } from '../idx';
import { centreOfMass } from '../raster';
import { registerTempDir } from '../test-dir';
import { readIdxSet, writeIdxSet } from './idx-set';
import type { LabelledSet } from './labelled-set';

let dir: string;
registerTempDir('glyph-idxset-', (d) => {
  dir = d;
});

describe('IDX sets', () => {
  it('round-trips through plain and gzip files', async () => {
    const images = new Float32Array(2 * 784);
    images[100] = 1;
    images[784 + 200] = 64 / 255;
    const set: LabelledSet = { images, labels: Int32Array.from([2, 0]), classes: ['x', 'y', 'z'] };
    for (const ext of ['', '.gz']) {
      const [i, l] = [join(dir, `img${ext}`), join(dir, `lab${ext}`)];
      await writeIdxSet(i, l, set);
      const back = await readIdxSet(i, l, { classes: set.classes });
      expect(back.labels).toEqual(set.labels);
      expect(back.images).toEqual(set.images);
    }
    expect((await readFile(join(dir, 'img.gz')))[0]).toBe(0x1f);
    expect((await readdir(dir)).sort()).toEqual(['img', 'img.gz', 'lab', 'lab.gz']);
    expect((await readIdxSet(join(dir, 'img'), join(dir, 'lab'))).classes).toHaveLength(10);
  });

  it('normalizes images that are not 28×28', async () => {
    const px = new Uint8Array(40 * 40);
    for (let y = 5; y < 15; y++) for (let x = 5; x < 30; x++) px[y * 40 + x] = 255;
    await writeFile(join(dir, 'i'), encodeIdxImages(px, 1, 40, 40));
    await writeFile(join(dir, 'l'), encodeIdxLabels(Uint8Array.from([3])));
    const set = await readIdxSet(join(dir, 'i'), join(dir, 'l'));
    const c = centreOfMass(set.images, 28, 28);
    expect(c.x).toBeCloseTo(14, 1);
    expect(c.y).toBeCloseTo(14, 1);
  });

  it('gives clear errors for a truncated file, a count mismatch and labels outside the classes', async () => {
    const images = encodeIdxImages(new Uint8Array(3 * 784), 3, 28, 28);
    await writeFile(join(dir, 'i'), images.subarray(0, 1000));
    await writeFile(join(dir, 'l'), encodeIdxLabels(Uint8Array.from([0, 1, 2])));
    await expect(readIdxSet(join(dir, 'i'), join(dir, 'l'))).rejects.toThrow(/^i: truncated/);
    await writeFile(join(dir, 'i'), images);
    await writeFile(join(dir, 'l2'), encodeIdxLabels(Uint8Array.from([0, 1])));
    await expect(readIdxSet(join(dir, 'i'), join(dir, 'l2'))).rejects.toThrow(
      /holds 3 images but l2 2 labels/,
    );
    await expect(readIdxSet(join(dir, 'i'), join(dir, 'l'), { classes: ['a', 'b'] })).rejects.toThrow(
      /label 2 at 2 is outside the 2 classes/,
    );
  });
});
