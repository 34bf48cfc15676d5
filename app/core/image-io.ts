// Image files in and out of custom datasets, through the datasets import/export code (sharp; grey,
// auto-invert, normalization like a drawing). An import reports every file it could not read and
// writes nothing for it.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fromBytes } from '../../datasets/idx';
import { isImageName, readImageInput } from '../../datasets/io/image-file';
import { writeImageFolder } from '../../datasets/io/image-folder';
import { folderToLabel } from '../../datasets/io/label-folder';
import type { ImportReport } from '../shared/types';
import { loadFolderData } from './custom-data';
import type { DatasetRegistry } from './dataset-registry';
import { CoreError, messageOf } from './errors';
import type { SampleStore } from './sample-store';

export const isImageFile = isImageName;

/** One image file → the network's input ([784] floats, ink = 1), normalized like a drawing. */
export function readGlyphImage(file: string): Promise<Float32Array> {
  return readImageInput(file);
}

/** Files to import: image files as given; folders recursively, labelled by their parent folder's name. */
async function collect(paths: string[]): Promise<{ file: string; folderLabel?: string }[]> {
  const out: { file: string; folderLabel?: string }[] = [];
  for (const p of paths) {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat?.isDirectory()) {
      out.push({ file: p });
      continue;
    }
    const entries = (await fs.readdir(p, { recursive: true })).sort();
    for (const entry of entries) {
      if (!isImageName(entry)) continue;
      const parent = path.dirname(entry);
      out.push({
        file: path.join(p, entry),
        folderLabel: parent === '.' ? undefined : folderToLabel(path.basename(parent)),
      });
    }
  }
  return out;
}

/**
 * Import image files (or folders of `<label>/<image>`) into a custom dataset. With `label`, every
 * image gets it; otherwise each image's folder name is its label.
 */
export async function importImages(
  samples: SampleStore,
  datasetId: string,
  label: string | undefined,
  paths: string[],
  /** Decodes one file; the core passes its worker thread's, so big images never block main. */
  decode: (file: string) => Promise<Float32Array> = readImageInput,
): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, rejected: [] };
  for (const { file, folderLabel } of await collect(paths)) {
    const target = label ?? folderLabel;
    if (!target) {
      report.rejected.push({
        file,
        reason: 'no label: choose one, or import a folder of <label>/<image> folders',
      });
      continue;
    }
    if (!isImageName(file)) {
      report.rejected.push({ file, reason: 'not an image file (png, jpg, jpeg, webp)' });
      continue;
    }
    let image: Float32Array;
    try {
      image = await decode(file);
    } catch (error) {
      report.rejected.push({ file, reason: messageOf(error) });
      continue;
    }
    if (!image.some((v) => v > 0)) {
      report.rejected.push({ file, reason: 'no ink found in the image' });
      continue;
    }
    await samples.add({ datasetId, label: target.slice(0, 64), image, strokes: [] });
    report.imported++;
  }
  return report;
}

/** An existing folder holding only label folders of images: an earlier export, safe to replace. */
async function isImageFolderExport(dir: string): Promise<boolean> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  for (const e of entries) {
    if (!e.isDirectory()) return false;
    const names = await fs.readdir(path.join(dir, e.name));
    if (!names.every((n) => n === '.keep' || isImageName(n))) return false;
  }
  return true;
}

/**
 * Export a custom dataset as an image folder `<target>/<label>/<n>.png` (28×28 grey, ink white; label
 * folders encoded as in `datasets/io/label-folder.ts`, every class a folder even when empty), the
 * layout other tools read. Written whole into a temporary folder and renamed into place. A target
 * that exists and is not an earlier export (say ~/Documents) gets the set in a new folder inside it.
 */
export async function exportDataset(
  datasets: DatasetRegistry,
  id: string,
  target: string,
): Promise<{ path: string; images: number; classes: number }> {
  if (datasets.isBundled(id))
    throw new CoreError('unsupported', `exporting the bundled ${id} set is not supported`);
  const data = await datasets.trainerData(id);
  if (data.kind !== 'folder') throw new CoreError('unsupported', `cannot export ${id}`);
  let dir = path.resolve(target);
  const stat = await fs.stat(dir).catch(() => null);
  if (stat && !stat.isDirectory())
    throw new CoreError('invalid', `${target} is a file; give a folder for an image-folder export`);
  if (stat && !(await isImageFolderExport(dir))) {
    const title = (await datasets.get(id)).title;
    dir = path.join(dir, title.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || id);
  }
  const folder = await loadFolderData(data.dir, data.classes, data.folders);
  await writeImageFolder(dir, {
    images: fromBytes(folder.images),
    labels: folder.labels,
    classes: folder.classes,
  });
  return { path: dir, images: folder.labels.length, classes: folder.classes.length };
}
