// Image folders (Node only): `<dir>/<label>/<file>.png|jpg|jpeg|webp`, the layout other tools read.
// Folder names use label-folder.ts's encoding. Reading decodes every image (a few at a time) and
// fails on the first bad one, naming it; writing fills a temporary folder and renames it into place.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fillDir, writeDirAtomic } from './atomic';
import { decodeImage, encodePng, imageToInput, isImageName } from './image-file';
import { folderToLabel, labelToFolder } from './label-folder';
import { checkSet, type ImportOptions, indexLabels, type LabelledSet } from './labelled-set';

/** Run `fn` over `items` with at most `limit` in flight, keeping order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i], i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Read every image under `<dir>/<label>/`. Files that are not images by name (JSON strokes, notes) are skipped. */
export async function readImageFolder(dir: string, options: ImportOptions = {}): Promise<LabelledSet> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: { path: string; name: string; label: string }[] = [];
  // Plain code-unit order, the same on every platform and locale.
  for (const e of entries
    .filter((e) => e.isDirectory())
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (e.name.startsWith('.')) continue;
    const label = folderToLabel(e.name);
    const names = (await readdir(join(dir, e.name))).filter(isImageName).sort();
    for (const name of names) files.push({ path: join(dir, e.name, name), name: `${e.name}/${name}`, label });
  }
  const { labels, classes } = indexLabels(
    files.map((f) => f.label),
    options.classes,
    (i) => files[i].name,
  );
  const images = new Float32Array(files.length * 784);
  await mapLimit(files, 8, async (f, i) => {
    images.set(imageToInput(await decodeImage(f.path, f.name), f.name, options), i * 784);
  });
  return { images, labels, classes };
}

/**
 * Write a set into the existing, empty folder `dir` as `<label>/<index>.png` (28×28 grey, ink
 * white). Every class gets a folder, even an empty one, so the class list survives the round trip.
 */
export async function fillImageFolder(dir: string, set: LabelledSet): Promise<void> {
  const count = checkSet(set);
  const folders = set.classes.map(labelToFolder);
  const width = String(Math.max(count - 1, 0)).length;
  // NOTE: plain fsynced writes, not one temp + rename each: `dir` is itself a temp folder that is
  // renamed into place whole, so no reader ever sees a half-written file.
  await Promise.all(folders.map((f) => fillDir(dir, { [`${f}/.keep`]: '' })));
  await mapLimit(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const png = await encodePng(set.images.subarray(i * 784, (i + 1) * 784));
      await fillDir(dir, { [`${folders[set.labels[i]]}/${String(i).padStart(width, '0')}.png`]: png });
    },
  );
}

/** Write a set as `<dir>/<label>/<index>.png` (see `fillImageFolder`), replacing `dir` atomically. */
export async function writeImageFolder(dir: string, set: LabelledSet): Promise<void> {
  checkSet(set);
  await writeDirAtomic(dir, (tmp) => fillImageFolder(tmp, set));
}
