import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { NORMALIZATION } from '../normalize';
import { centreOfMass } from '../raster';
import { registerTempDir } from '../test-dir';
import { readImageInput } from './image-file';
import { readImageFolder, readSampleFolders, writeImageFolder } from './image-folder';
import type { LabelledSet } from './labelled-set';

let dir: string;
registerTempDir('glyph-img-', (d) => {
  dir = d;
});

/** A w×h RGB(A) image: paper colour everywhere, ink colour in a vertical bar. */
async function barImage(path: string, w: number, h: number, paper: number[], ink: number[]): Promise<void> {
  const channels = paper.length as 3 | 4;
  const px = Buffer.alloc(w * h * channels);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const inBar = x >= w * 0.4 && x < w * 0.5 && y >= h * 0.2 && y < h * 0.8;
      px.set(inBar ? ink : paper, (y * w + x) * channels);
    }
  }
  await mkdir(join(path, '..'), { recursive: true });
  await sharp(px, { raw: { width: w, height: h, channels } }).toFile(path);
}

function expectGlyph(img: Float32Array) {
  const c = centreOfMass(img, 28, 28);
  expect(c.mass).toBeGreaterThan(20);
  expect(Math.abs(c.x - NORMALIZATION.massCentre)).toBeLessThan(0.5);
  expect(Math.abs(c.y - NORMALIZATION.massCentre)).toBeLessThan(0.5);
  expect(Math.max(...img)).toBeLessThanOrEqual(1);
  expect(Math.min(...img)).toBeGreaterThanOrEqual(0);
  expect(img[0]).toBe(0); // paper stays paper, whatever its colour was
}

describe('image folders', () => {
  it('reads images of any size, colour type and polarity, normalized, skipping non-image files', async () => {
    const src = join(dir, 'in');
    await barImage(join(src, '1', 'scan.png'), 200, 120, [240, 235, 230], [20, 20, 30]); // dark on light
    await barImage(join(src, '1', 'photo.jpg'), 90, 160, [200, 200, 200], [40, 40, 40]);
    await barImage(join(src, '_41_', 'ink.webp'), 64, 64, [0, 0, 0, 0], [0, 0, 0, 255]); // black on transparent
    await barImage(join(src, '7', 'mnist-like.png'), 28, 28, [0, 0, 0], [255, 255, 255]); // light on dark
    await writeFile(join(src, '7', 'strokes.json'), '{}');
    await writeFile(join(src, 'README.txt'), 'not a class');
    const set = await readImageFolder(src);
    expect(set.classes).toEqual(['1', '7', 'A']);
    expect(Array.from(set.labels)).toEqual([0, 0, 1, 2]);
    for (let i = 0; i < 4; i++) expectGlyph(set.images.subarray(i * 784, (i + 1) * 784));
    expectGlyph(await readImageInput(join(src, '1', 'scan.png')));
  });

  it('writes a folder that reads back exactly, upper and lower case apart', async () => {
    const images = new Float32Array(3 * 784);
    for (let i = 0; i < images.length; i++) images[i] = ((i * 37) % 256) / 255;
    const set: LabelledSet = { images, labels: Int32Array.from([1, 0, 1]), classes: ['a', 'A', 'empty'] };
    const out = join(dir, 'out');
    await writeImageFolder(out, set);
    expect((await readdir(out)).sort()).toEqual(['_41_', 'a', 'empty']);
    const back = await readImageFolder(out, { normalize: false, classes: set.classes });
    expect(back.classes).toEqual(set.classes);
    // Samples come back grouped by folder in code-unit order: `_41_` (class 'A': samples 0 and 2), then `a`.
    const rounded = set.images.map((v) => Math.round(v * 255) / 255);
    expect(Array.from(back.labels)).toEqual([1, 1, 0]);
    expect(back.images.subarray(0, 784)).toEqual(rounded.subarray(0, 784));
    expect(back.images.subarray(784, 2 * 784)).toEqual(rounded.subarray(2 * 784));
    expect(back.images.subarray(2 * 784)).toEqual(rounded.subarray(784, 2 * 784));
    expect(await readdir(dir)).toEqual(['out']);
  });

  it('names the file that is not an image, and the unknown label', async () => {
    const src = join(dir, 'in');
    await barImage(join(src, '3', 'ok.png'), 40, 40, [255, 255, 255], [0, 0, 0]);
    await writeFile(join(src, '3', 'broken.png'), 'this is not a png');
    await expect(readImageFolder(src)).rejects.toThrow(/3\/broken\.png: not a readable image/);
    await rm(join(src, '3', 'broken.png'));
    const png = await sharp(join(src, '3', 'ok.png')).toBuffer();
    await writeFile(join(src, '3', 'cut.png'), png.subarray(0, png.length >> 1));
    await expect(readImageFolder(src)).rejects.toThrow(/3\/cut\.png: not a readable image/);
    await rm(join(src, '3', 'cut.png'));
    await expect(readImageFolder(src, { classes: ['0', '1'] })).rejects.toThrow(
      /3\/ok\.png: unknown label "3"/,
    );
  });

  it('requires 28×28 grey images when asked not to normalize', async () => {
    const src = join(dir, 'in');
    await barImage(join(src, '3', 'big.png'), 40, 40, [255, 255, 255], [0, 0, 0]);
    await expect(readImageFolder(src, { normalize: false })).rejects.toThrow(
      /3\/big\.png: 40×40 with 3 channel.*28×28 grey/,
    );
    await rm(join(src, '3', 'big.png'));
    await barImage(join(src, '3', 'rgb.png'), 28, 28, [255, 255, 255], [0, 0, 0]);
    await expect(readImageFolder(src, { normalize: false })).rejects.toThrow(
      /rgb\.png: 28×28 with 3 channel/,
    );
  });

  it('writes nothing when the set is invalid', async () => {
    const bad: LabelledSet = { images: new Float32Array(784), labels: Int32Array.from([5]), classes: ['0'] };
    await expect(writeImageFolder(join(dir, 'out'), bad)).rejects.toThrow(/label 5 is outside the 1 classes/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads a set the app keeps: its classes in order, stored PNGs as they are, non-samples left out', async () => {
    const set: LabelledSet = {
      images: Float32Array.from({ length: 3 * 784 }, (_, i) => ((i * 37) % 256) / 255),
      labels: Int32Array.from([1, 0, 1]),
      classes: ['a', 'B'],
    };
    await writeImageFolder(join(dir, 'set'), set);
    const root = join(dir, 'set');
    await writeFile(join(root, '_42_', '.tmp-1-ab.png'), 'half written');
    await writeFile(join(root, '_42_', 'torn.png'), 'not a png');
    await writeFile(join(root, '_42_', '0.json'), '{}');
    await barImage(join(root, 'a', 'other-tool.png'), 40, 30, [255, 255, 255], [0, 0, 0]);
    const read = await readSampleFolders(root, ['B', 'a', 'gone'], ['_42_', 'a', 'gone']);
    expect(read.classes).toEqual(['B', 'a', 'gone']);
    expect(read.ids).toEqual(['0', '2', '1', 'other-tool']);
    expect(Array.from(read.labels)).toEqual([0, 0, 1, 1]);
    // The PNGs' own 8 bits, untouched; another tool's image normalized into the frame.
    expect(Array.from(read.images.subarray(0, 784))).toEqual(
      Array.from(set.images.subarray(0, 784), (v) => Math.round(v * 255)),
    );
    expectGlyph(Float32Array.from(read.images.subarray(3 * 784), (v) => v / 255));
  });
});
