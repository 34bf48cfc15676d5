// `datasets list`, `models list`, `export`, `import`.

import path from 'node:path';
import { exportModelFiles } from '../../core/model-codec';
import { pendingExportsDir } from '../../core/stores/export-target';
import { type GlobalOptions, resolveModel, withCore } from '../context';
import type { Values } from '../main';
import { percent, printJson, printList } from '../output';
import { UsageError } from '../usage';

export async function runDatasetsList(global: GlobalOptions): Promise<number> {
  return withCore(global, async (core) => {
    printList(
      global.json,
      await core.handlers['datasets:list'](undefined),
      ['id', 'title', 'classes', 'train', 'test'],
      (d) => [d.id, d.title, String(d.classes.length), String(d.sizes.train), String(d.sizes.test)],
    );
    return 0;
  });
}

export async function runModelsList(global: GlobalOptions): Promise<number> {
  return withCore(global, async (core) => {
    printList(
      global.json,
      await core.handlers['models:list'](undefined),
      ['id', 'name', 'dataset', 'architecture', 'parameters', 'test accuracy'],
      (m) => [
        m.id,
        m.name,
        m.datasetId,
        m.architecture,
        String(m.parameters),
        m.metrics.testAccuracy === undefined ? '-' : percent(m.metrics.testAccuracy),
      ],
    );
    return 0;
  });
}

export async function runExport(global: GlobalOptions, values: Values, rest: string[]): Promise<number> {
  const [ref] = rest;
  const format = values.format ?? 'native';
  if (!ref || !values.out)
    throw new UsageError('usage: glyph-lab export <model> --out <path> [--format native|onnx]');
  if (format !== 'native' && format !== 'onnx')
    throw new UsageError(`--format must be native or onnx, not ${format}`);
  const target = path.resolve(values.out);
  return withCore(global, async (core) => {
    const model = await resolveModel(core, ref);
    const out = await exportModelFiles(model, format, target, undefined, {
      journal: pendingExportsDir(global.dataDir),
    });
    if (global.json) printJson({ model: model.summary.id, format, path: out.path });
    else process.stdout.write(`exported ${model.summary.name} (${format}) to ${out.path}\n`);
    return 0;
  });
}

export async function runImport(global: GlobalOptions, rest: string[]): Promise<number> {
  const [source] = rest;
  if (!source) throw new UsageError('usage: glyph-lab import <model folder or model.json>');
  return withCore(global, async (core) => {
    const summary = await core.handlers['models:import']({ path: path.resolve(source) });
    if (global.json) printJson(summary);
    else process.stdout.write(`imported ${summary.name} as ${summary.id}\n`);
    return 0;
  });
}
