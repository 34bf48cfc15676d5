// A custom set to and from the file formats other tools use: an image folder (`<label>/<n>.png`),
// a pair of IDX files, or a CSV (datasets/io/). Imports go through the sample store like a drawing
// saved in the app; exports are written whole with the export marker, so only an earlier export of
// ours is ever replaced (datasets/io/export-folder.ts).

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { gunzipSync, constants as zlibConstants } from 'node:zlib';
import { fromBytes, isGzip } from '../../../datasets/idx';
import { formatCsv, readCsvFile } from '../../../datasets/io/csv';
import { writeExportDir } from '../../../datasets/io/export-folder';
import { readIdxSet, writeIdxSet } from '../../../datasets/io/idx-set';
import { fillImageFolder, readImageFolder, readSampleFolders } from '../../../datasets/io/image-folder';
import type { LabelledSet } from '../../../datasets/io/labelled-set';
import { parseJson } from '../../../datasets/json-text';
import { CoreError, messageOf } from '../../shared/errors';
import type { ImportReport } from '../../shared/types';
import type { DatasetCatalog } from './dataset-catalog';
import { exportFolder } from './export-target';
import { hasInk, NO_INK } from './image-io';
import type { SampleStore } from './sample-store';

export const SET_FORMATS = ['folder', 'idx', 'csv'] as const;
export type SetFormat = (typeof SET_FORMATS)[number];

/** The files an IDX export holds; `classes.json` keeps the class names IDX labels (bytes) cannot. */
export const IDX_FILES = {
  images: 'images.idx.gz',
  labels: 'labels.idx.gz',
  classes: 'classes.json',
} as const;
export const CSV_FILE = 'samples.csv';
/** The longest class label, as the API contract allows it. */
const MAX_LABEL = 64;

export function isSetFormat(format: string): format is SetFormat {
  return (SET_FORMATS as readonly string[]).includes(format);
}

/** Class names from a `classes.json` (a list of names in label order); undefined when there is none. */
async function readClassNames(file: string): Promise<string[] | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  if (text === null) return undefined;
  const classes = parseJson(text, file);
  if (!Array.isArray(classes) || !classes.every((c) => typeof c === 'string' && c.length > 0))
    throw new Error(`${file}: expected a list of class names`);
  return classes;
}

export interface ReadSetOptions {
  /**
   * Read the class names from a `classes.json` beside an IDX labels file when the selection does not
   * name one (default true: the CLI). The app passes false: main reads only the files it was granted.
   */
  readonly classesBeside?: boolean;
}

/**
 * How many dimensions the IDX file `file` declares (its magic's 4th byte: images 3, labels 1), or
 * undefined when it is not IDX. Reads only the head: a gzip file is inflated as far as that goes.
 */
async function idxDimensions(file: string): Promise<number | undefined> {
  const handle = await fs.open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    let head: Uint8Array = buffer.subarray(0, bytesRead);
    if (isGzip(head)) head = gunzipSync(head, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    return head.length >= 4 && head[0] === 0 && head[1] === 0 ? head[3] : undefined;
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** An IDX pair as [images, labels] whichever order it was chosen in (a dialog does not keep the order). */
async function idxPair(a: string, b: string): Promise<[string, string]> {
  const [da, db] = await Promise.all([idxDimensions(a), idxDimensions(b)]);
  return da === 1 && db === 3 ? [b, a] : [a, b];
}

/**
 * Read a labelled set in `format`: `folder` takes one folder of `<label>/<image>`, `csv` one file,
 * `idx` the images file and the labels file (either order, with an optional `classes.json`), or a folder
 * holding an IDX export of ours.
 */
export async function readSetFiles(
  format: SetFormat,
  paths: readonly string[],
  options: ReadSetOptions = {},
): Promise<LabelledSet> {
  // An IDX selection may name its classes.json itself (the app, which may read only granted files).
  const named = format === 'idx' ? paths.find((p) => path.basename(p) === IDX_FILES.classes) : undefined;
  const files = paths.filter((p) => p !== named);
  const [first, second] = files;
  if (!first || files.length > (format === 'idx' ? 2 : 1))
    throw new CoreError(
      'invalid',
      format === 'idx'
        ? 'an IDX import takes the images file and the labels file, or a folder holding both'
        : `a ${format} import takes one ${format === 'csv' ? 'file' : 'folder'}`,
    );
  let set: LabelledSet;
  try {
    // 28×28 grey images (an export of ours, MNIST-style files) are taken as they are, others normalized.
    if (format === 'folder') set = await readImageFolder(first, { normalize: 'auto' });
    else if (format === 'csv') set = await readCsvFile(first);
    else {
      const [images, labels] = second
        ? await idxPair(first, second)
        : [path.join(first, IDX_FILES.images), path.join(first, IDX_FILES.labels)];
      const classes =
        named !== undefined
          ? await readClassNames(named)
          : options.classesBeside === false
            ? undefined
            : await readClassNames(path.join(path.dirname(labels), IDX_FILES.classes));
      set = await readIdxSet(images, labels, { classes });
    }
  } catch (error) {
    throw new CoreError('invalid', messageOf(error));
  }
  // A class the app could not name back (the contract's labels are 1–64 characters) is refused here,
  // before any set is made or sample written.
  const bad = set.classes.find((c) => c.length === 0 || c.length > MAX_LABEL);
  if (bad !== undefined)
    throw new CoreError(
      'invalid',
      `${path.basename(first)}: a label must be 1–${MAX_LABEL} characters, got ${JSON.stringify(bad.slice(0, 80))}`,
    );
  return set;
}

/** Add every image of `set` to the custom set `datasetId` as a sample of its label; blank images are refused. */
export async function importSet(
  samples: SampleStore,
  datasetId: string,
  set: LabelledSet,
  source: string,
): Promise<ImportReport> {
  const report: ImportReport = { imported: 0, rejected: [] };
  for (let i = 0; i < set.labels.length; i++) {
    const image = set.images.slice(i * 784, (i + 1) * 784);
    if (!hasInk(image)) {
      report.rejected.push({ file: `${source} #${i + 1}`, reason: NO_INK });
      continue;
    }
    await samples.add({ datasetId, label: set.classes[set.labels[i]!]!, image, strokes: [] });
    report.imported++;
  }
  return report;
}

/**
 * Import the set in the files at `paths` (`format`: see readSetFiles) into the custom set `id`.
 * `read` parses them (the core passes its worker thread's: a 60,000-line CSV must not block main);
 * a file that cannot be read throws before any sample is added.
 */
export async function importSetFiles(
  samples: SampleStore,
  input: { id: string; format: SetFormat; paths: string[] },
  read: (format: SetFormat, paths: string[]) => Promise<LabelledSet> = readSetFiles,
): Promise<ImportReport> {
  const set = await read(input.format, input.paths);
  return importSet(samples, input.id, set, path.basename(input.paths[0] ?? input.format));
}

/** Fill the staged export folder `dir` with `set` in `format`. */
async function fillSetFiles(dir: string, set: LabelledSet, format: SetFormat): Promise<void> {
  if (format === 'folder') return fillImageFolder(dir, set);
  if (format === 'csv') return fs.writeFile(path.join(dir, CSV_FILE), formatCsv(set));
  await writeIdxSet(path.join(dir, IDX_FILES.images), path.join(dir, IDX_FILES.labels), set);
  await fs.writeFile(path.join(dir, IDX_FILES.classes), `${JSON.stringify(set.classes)}\n`);
}

/**
 * Export a custom dataset in `format` (default an image folder `<target>/<label>/<n>.png`: 28×28 grey,
 * ink white, every class a folder even when empty; `idx`: images.idx.gz + labels.idx.gz +
 * classes.json; `csv`: samples.csv), plus the export marker. Written whole and swapped in
 * (old-or-new). Only an earlier export of a set is replaced; any other existing folder (say
 * ~/Pictures) gets the set in a new sub-folder named after it. `journal`: see `pendingExportsDir`.
 */
export async function exportDataset(
  datasets: DatasetCatalog,
  id: string,
  target: string,
  journal?: string,
  format: SetFormat = 'folder',
): Promise<{ path: string; images: number; classes: number }> {
  if (datasets.isBundled(id))
    throw new CoreError('unsupported', `exporting the bundled ${id} set is not supported`);
  const data = await datasets.trainerData(id);
  if (data.kind !== 'folder') throw new CoreError('unsupported', `cannot export ${id}`);
  const title = (await datasets.get(id)).title;
  const name = title.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^[-.]+|-+$/g, '') || id;
  const what = format === 'folder' ? 'an image-folder export' : `an ${format.toUpperCase()} export`;
  const dir = await exportFolder(target, 'dataset', name, what);
  const folder = await readSampleFolders(data.dir, data.classes, data.folders);
  const set = { images: fromBytes(folder.images), labels: folder.labels, classes: folder.classes };
  try {
    await writeExportDir(dir, 'dataset', (staged) => fillSetFiles(staged, set, format), { journal });
  } catch (error) {
    throw new CoreError('io', `${what.slice(what.indexOf(' ') + 1)} to ${dir} failed: ${messageOf(error)}`);
  }
  return { path: dir, images: folder.labels.length, classes: folder.classes.length };
}
