// Custom sets from the command line: `datasets create`, `samples import`, and whole sets in and out
// as an image folder, IDX or CSV (`datasets import|export --format`), so the retraining journey
// (samples → train → export) runs headless too. Imports go through the same stores as the app.

import path from 'node:path';
import { pendingExportsDir } from '../../core/stores/export-target';
import {
  CSV_FILE,
  exportDataset,
  IDX_FILES,
  importSet,
  isSetFormat,
  readSetFiles,
  SET_FORMATS,
  type SetFormat,
} from '../../core/stores/set-files';
import { type GlobalOptions, withCore } from '../context';
import type { Values } from '../main';
import { printJson } from '../output';
import { UsageError } from '../usage';

export async function runDatasetsCreate(global: GlobalOptions, rest: string[]): Promise<number> {
  const title = rest.join(' ').trim();
  if (!title) throw new UsageError('usage: glyph-lab datasets create <title>');
  return withCore(global, async (core) => {
    const info = await core.handlers['datasets:create']({ title });
    if (global.json) printJson(info);
    else process.stdout.write(`created ${info.title} as ${info.id}\n`);
    return 0;
  });
}

export async function runSamplesImport(
  global: GlobalOptions,
  values: Values,
  rest: string[],
): Promise<number> {
  const [datasetId, ...paths] = rest;
  if (!datasetId || paths.length === 0)
    throw new UsageError(
      'usage: glyph-lab samples import <set id> <image files or <label>/<image> folders...> [--label <label>]',
    );
  return withCore(global, async (core) => {
    const report = await core.handlers['samples:import']({
      datasetId,
      label: values.label,
      paths: paths.map((p) => path.resolve(p)),
    });
    if (global.json) printJson(report);
    else {
      process.stdout.write(`imported ${report.imported} image${report.imported === 1 ? '' : 's'}\n`);
      for (const r of report.rejected) process.stderr.write(`rejected ${r.file}: ${r.reason}\n`);
    }
    return report.imported === 0 && report.rejected.length > 0 ? 1 : 0;
  });
}

/** `--format`, checked: one of the formats a set is imported from and exported to (default folder). */
function setFormat(values: Values): SetFormat {
  const format = values.format ?? 'folder';
  if (!isSetFormat(format)) throw new UsageError(`--format must be one of ${SET_FORMATS.join(', ')}`);
  return format;
}

export async function runDatasetsImport(
  global: GlobalOptions,
  values: Values,
  rest: string[],
): Promise<number> {
  if (rest.length === 0 || (values.into === undefined) === (values.name === undefined))
    throw new UsageError(
      'usage: glyph-lab datasets import <folder | file.csv | images.idx labels.idx> --format folder|idx|csv (--into <set id> | --name <new set title>)',
    );
  const format = setFormat(values);
  const paths = rest.map((p) => path.resolve(p));
  const set = await readSetFiles(format, paths);
  return withCore(global, async (core) => {
    const datasetId =
      values.into ??
      (await core.handlers['datasets:create']({ title: values.name!, classes: set.classes })).id;
    core.services.datasets.assertCustom(datasetId);
    const report = await importSet(core.services.samples, datasetId, set, path.basename(paths[0]!));
    if (global.json) printJson({ dataset: datasetId, ...report });
    else {
      process.stdout.write(
        `imported ${report.imported} image${report.imported === 1 ? '' : 's'} into ${datasetId}\n`,
      );
      for (const r of report.rejected) process.stderr.write(`rejected ${r.file}: ${r.reason}\n`);
    }
    return report.imported === 0 && report.rejected.length > 0 ? 1 : 0;
  });
}

export async function runDatasetsExport(
  global: GlobalOptions,
  values: Values,
  rest: string[],
): Promise<number> {
  const [id] = rest;
  if (!id || !values.out)
    throw new UsageError(
      'usage: glyph-lab datasets export <set id> --out <folder> [--format folder|idx|csv]',
    );
  const format = setFormat(values);
  const target = path.resolve(values.out);
  return withCore(global, async (core) => {
    const journal = pendingExportsDir(global.dataDir);
    const result = await exportDataset(core.services.datasets, id, target, journal, format);
    if (global.json) printJson({ dataset: id, format, ...result });
    else
      process.stdout.write(
        `exported ${result.images} images in ${result.classes} classes to ${result.path} (${LAYOUT[format]})\n`,
      );
    return 0;
  });
}

const LAYOUT: Record<SetFormat, string> = {
  folder: '<label>/<n>.png',
  idx: `${IDX_FILES.images}, ${IDX_FILES.labels}, ${IDX_FILES.classes}`,
  csv: CSV_FILE,
};
