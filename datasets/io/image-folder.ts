// Image folders (Node only): `<dir>/<label>/<file>.png|jpg|jpeg|webp`, the layout other tools read and
// the app keeps its custom sets in. Folder names use label-folder.ts's encoding. One walk and one
// decoder serve both readers: an imported folder fails on the first bad image, naming it; a kept set
// leaves out what is not a sample. Writing fills a temporary folder and renames it into place.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { toBytes } from '../idx';
import { fillDir, isTempName, writeDirAtomic } from './atomic';
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

/** One image file of a folder read: its path, its name in errors (`<folder>/<file>`), its class index. */
interface FolderFile {
  path: string;
  name: string;
  label: number;
}

/** The image files of `<dir>/<folders[c]>/` as class c, files in name order; a missing folder is an empty class. */
async function listClassFiles(
  dir: string,
  folders: readonly string[],
  accept: (name: string) => boolean,
): Promise<FolderFile[]> {
  const files: FolderFile[] = [];
  for (let c = 0; c < folders.length; c++) {
    let names: string[];
    try {
      names = await readdir(join(dir, folders[c]));
    } catch {
      continue;
    }
    for (const name of names.filter(accept).sort()) {
      files.push({ path: join(dir, folders[c], name), name: `${folders[c]}/${name}`, label: c });
    }
  }
  return files;
}

/**
 * Every listed file decoded into `[count, 784]` inputs (a few at a time), in order. A file that does
 * not decode is an error naming it, or, with `skipUnreadable`, left out (`kept` says which stayed).
 */
async function decodeFiles(
  files: readonly FolderFile[],
  options: ImportOptions,
  skipUnreadable: boolean,
): Promise<{ images: Float32Array; kept: FolderFile[] }> {
  const inputs = await mapLimit(files, 8, async (f) => {
    try {
      return imageToInput(await decodeImage(f.path, f.name), f.name, options);
    } catch (error) {
      if (skipUnreadable) return null;
      throw error;
    }
  });
  const kept = files.filter((_, i) => inputs[i] !== null);
  const images = new Float32Array(kept.length * 784);
  let k = 0;
  for (const input of inputs) if (input) images.set(input, 784 * k++);
  return { images, kept };
}

/** Read every image under `<dir>/<label>/`. Files that are not images by name (JSON strokes, notes) are skipped. */
export async function readImageFolder(dir: string, options: ImportOptions = {}): Promise<LabelledSet> {
  const entries = await readdir(dir, { withFileTypes: true });
  // Plain code-unit order, the same on every platform and locale.
  const folders = entries
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const files = await listClassFiles(dir, folders, isImageName);
  const { labels, classes } = indexLabels(
    files.map((f) => folderToLabel(folders[f.label])),
    options.classes,
    (i) => files[i].name,
  );
  const { images } = await decodeFiles(files, options, false);
  return { images, labels, classes };
}

/** A set the app keeps (`<dir>/<folder>/<id>.png`), read as stored. */
export interface SampleFolders {
  /** [n, 784] grey bytes, 255 = ink: the PNGs' own 8 bits. */
  images: Uint8Array;
  /** Class index per sample, into `classes`. */
  labels: Int32Array;
  classes: string[];
  /** Sample ids (file names without `.png`). */
  ids: string[];
}

/**
 * Read a set the app keeps: class c from `<dir>/<folders[c]>/*.png`, files by name (ids sort by
 * creation time). Temp files and files that do not decode are not samples and are left out; a
 * 28×28 grey PNG is taken as it is, any other image (another tool's) is normalized.
 */
export async function readSampleFolders(
  dir: string,
  classes: string[],
  folders: readonly string[],
): Promise<SampleFolders> {
  const files = await listClassFiles(dir, folders, (name) => name.endsWith('.png') && !isTempName(name));
  const { images, kept } = await decodeFiles(files, { normalize: 'auto' }, true);
  return {
    images: toBytes(images),
    labels: Int32Array.from(kept, (f) => f.label),
    classes,
    ids: kept.map((f) => f.name.slice(f.name.lastIndexOf('/') + 1, -4)),
  };
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
