// Load a built dataset from `<dataDir>/<id>/` (Node only): the manifest, then the gzip IDX files of
// one split. Images come back as floats in [0, 1] ([count, 784]) or as the stored bytes.

import { readFile } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Split } from './bundled-datasets';
import { fromBytes, parseIdxImages, parseIdxLabels } from './idx';
import { MAX_INFLATED_BYTES } from './io/gunzip';
import { readMaybeGzip } from './io/idx-file';
import { parseJson } from './json-text';
import { checkManifest, type DatasetManifest } from './manifest';

export interface LoadOptions {
  /** Folder holding `<id>/manifest.json` (default: defaultDataDir()). */
  dataDir?: string;
}

/** A split in memory, as the engine takes it. */
export interface LoadedDataset {
  images: Float32Array; // [count, 784], values in [0, 1]
  labels: Int32Array; // [count]
  classes: string[];
  sampleShape: [number, number, number];
}

/** The same, with images as stored (uint8, ink = 255): a quarter of the memory. */
export interface LoadedDatasetBytes {
  pixels: Uint8Array; // [count, 784]
  labels: Int32Array;
  classes: string[];
  sampleShape: [number, number, number];
}

/**
 * Where built datasets live: $GLYPH_LAB_DATASETS_DIR when set (a packaged app points it at its
 * resources), else `datasets/data/` beside this file.
 */
export function defaultDataDir(): string {
  const env = process.env.GLYPH_LAB_DATASETS_DIR;
  if (env) return env;
  return fileURLToPath(new URL('./data/', import.meta.url));
}

export async function readManifest(id: string, options: LoadOptions = {}): Promise<DatasetManifest> {
  const path = join(options.dataDir ?? defaultDataDir(), id, 'manifest.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new Error(`dataset "${id}" is not built (no ${path}): run \`npm run datasets\``);
  }
  return checkManifest(parseJson(text, path), path);
}

/** `<dir>/<name>` for a file a manifest names; a name that leads out of `dir` ('../x', '/etc/x') is refused. */
export function fileInDataset(dir: string, name: string, manifestName: string): string {
  const full = resolve(dir, name);
  const rel = relative(resolve(dir), full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new Error(`${manifestName}: file name ${JSON.stringify(name)} leads outside the dataset folder`);
  }
  return full;
}

export async function loadDatasetBytes(
  id: string,
  split: Split,
  options: LoadOptions = {},
): Promise<LoadedDatasetBytes> {
  const manifest = await readManifest(id, options);
  const files = manifest.splits[split];
  if (!files) throw new Error(`dataset "${id}" has no "${split}" split`);
  const dir = join(options.dataDir ?? defaultDataDir(), id);
  const manifestName = join(dir, 'manifest.json');
  const [, h, w] = manifest.sampleShape;
  // IDX sizes the manifest implies (header + data): a file that inflates past them is refused as it does
  const [imageBytes, labelBytes] = await Promise.all([
    readMaybeGzip(
      fileInDataset(dir, files.images, manifestName),
      Math.min(16 + files.count * h * w, MAX_INFLATED_BYTES),
    ),
    readMaybeGzip(
      fileInDataset(dir, files.labels, manifestName),
      Math.min(8 + files.count, MAX_INFLATED_BYTES),
    ),
  ]);
  const images = parseIdxImages(imageBytes, `${id}/${files.images}`);
  const labels = parseIdxLabels(labelBytes, `${id}/${files.labels}`);
  if (
    images.count !== files.count ||
    labels.length !== files.count ||
    images.rows !== h ||
    images.cols !== w
  ) {
    throw new Error(
      `dataset "${id}" ${split}: manifest says ${files.count} of ${h}×${w}, files hold ${images.count} images of ${images.rows}×${images.cols} and ${labels.length} labels`,
    );
  }
  return {
    pixels: images.pixels,
    labels: Int32Array.from(labels),
    classes: [...manifest.classes],
    sampleShape: manifest.sampleShape,
  };
}

export async function loadDataset(
  id: string,
  split: Split,
  options: LoadOptions = {},
): Promise<LoadedDataset> {
  const raw = await loadDatasetBytes(id, split, options);
  return {
    images: fromBytes(raw.pixels),
    labels: raw.labels,
    classes: raw.classes,
    sampleShape: raw.sampleShape,
  };
}
