// Image files into custom datasets (sharp; grey, auto-invert, normalization like a drawing), and one
// image read for prediction. An import reports every file it could not read and writes nothing for
// it. Whole sets in and out (image folder, IDX, CSV) are in set-files.ts.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isImageName, readImageInput } from '../../../datasets/io/image-file';
import { folderToLabel } from '../../../datasets/io/label-folder';
import { messageOf } from '../../shared/errors';
import type { ImportReport } from '../../shared/types';
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
