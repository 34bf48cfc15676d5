// Custom sets from the command line: `datasets create`, `samples import`, `datasets export` (an image
// folder `<label>/<n>.png`), so the retraining journey (samples → train → export) runs headless too.

import path from 'node:path';
import { type GlobalOptions, openCore } from '../context';
import type { Values } from '../main';
import { printJson } from '../output';
import { UsageError } from '../usage';

export async function runDatasetsCreate(global: GlobalOptions, rest: string[]): Promise<number> {
  const title = rest.join(' ').trim();
  if (!title) throw new UsageError('usage: glyph-lab datasets create <title>');
  const core = await openCore(global);
  try {
    const info = await core.handlers['datasets:create']({ title });
    if (global.json) printJson(info);
    else process.stdout.write(`created ${info.title} as ${info.id}\n`);
    return 0;
  } finally {
    await core.dispose();
  }
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
  const core = await openCore(global);
  try {
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
  } finally {
    await core.dispose();
  }
}

export async function runDatasetsExport(
  global: GlobalOptions,
  values: Values,
  rest: string[],
): Promise<number> {
  const [id] = rest;
  if (!id || !values.out) throw new UsageError('usage: glyph-lab datasets export <set id> --out <folder>');
  const core = await openCore(global);
  try {
    const result = await core.handlers['datasets:export']({ id, path: path.resolve(values.out) });
    if (global.json) printJson({ dataset: id, ...result });
    else
      process.stdout.write(
        `exported ${result.images} images in ${result.classes} classes to ${result.path} (<label>/<n>.png)\n`,
      );
    return 0;
  } finally {
    await core.dispose();
  }
}
