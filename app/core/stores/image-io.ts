// Image files in and out of custom datasets, through the datasets import/export code (sharp; grey,
// auto-invert, normalization like a drawing). An import reports every file it could not read and
// writes nothing for it.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fromBytes } from '../../../datasets/idx';
import { writeExportDir } from '../../../datasets/io/export-folder';
import { isImageName, readImageInput } from '../../../datasets/io/image-file';
import { fillImageFolder, readSampleFolders } from '../../../datasets/io/image-folder';
import { folderToLabel } from '../../../datasets/io/label-folder';
import { CoreError, messageOf } from '../../shared/errors';
import type { ImportReport } from '../../shared/types';
import type { DatasetRegistry } from './dataset-registry';
import { exportFolder } from './export-target';
import type { SampleStore } from './sample-store';

export const isImageFile = isImageName;

/** Why an image with nothing on it is refused (a blank page would still get a confident class). */
export const NO_INK = 'no ink found in the image';

export function hasInk(image: Float32Array): boolean {
  return image.some((v) => v > 0);
}

/**
 * One image file → the network's input ([784] floats, ink = 1), normalized like a drawing; an image
 * with no ink is refused, as an import refuses it.
 */
export async function readGlyphImage(file: string): Promise<Float32Array> {
  const image = await readImageInput(file);
  if (!hasInk(image)) throw new Error(NO_INK);
  return image;
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
    if (!hasInk(image)) {
      report.rejected.push({ file, reason: NO_INK });
      continue;
    }
    await samples.add({ datasetId, label: target.slice(0, 64), image, strokes: [] });
    report.imported++;
  }
  return report;
}

/**
 * Export a custom dataset as an image folder `<target>/<label>/<n>.png` (28×28 grey, ink white; label
 * folders encoded as in `datasets/io/label-folder.ts`, every class a folder even when empty), the
 * layout other tools read, plus the export marker. Written whole and swapped in (old-or-new). Only an
 * earlier export of a set is replaced; any other existing folder (say ~/Pictures) gets the set in a
 * new sub-folder named after it. `journal`: see `pendingExportsDir`.
 */
export async function exportDataset(
  datasets: DatasetRegistry,
  id: string,
  target: string,
  journal?: string,
): Promise<{ path: string; images: number; classes: number }> {
  if (datasets.isBundled(id))
    throw new CoreError('unsupported', `exporting the bundled ${id} set is not supported`);
  const data = await datasets.trainerData(id);
  if (data.kind !== 'folder') throw new CoreError('unsupported', `cannot export ${id}`);
  const title = (await datasets.get(id)).title;
  const name = title.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || id;
  const dir = await exportFolder(target, 'dataset', name, 'an image-folder export');
  const folder = await readSampleFolders(data.dir, data.classes, data.folders);
  const set = { images: fromBytes(folder.images), labels: folder.labels, classes: folder.classes };
  try {
    await writeExportDir(dir, 'dataset', (staged) => fillImageFolder(staged, set), { journal });
  } catch (error) {
    throw new CoreError('io', `image-folder export to ${dir} failed: ${messageOf(error)}`);
  }
  return { path: dir, images: folder.labels.length, classes: folder.classes.length };
}
