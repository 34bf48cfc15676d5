// `glyph-lab evaluate <model>`: accuracy, per-class table and confusion matrix on a test split.

import { evaluateModel } from '../../core/evaluate';
import { type GlobalOptions, openCore, resolveModel } from '../context';
import type { Values } from '../main';
import { formatEvaluation, perClassJson, printJson } from '../output';
import { UsageError } from '../usage';

export async function runEvaluate(global: GlobalOptions, values: Values, rest: string[]): Promise<number> {
  const [ref] = rest;
  if (!ref) throw new UsageError('usage: glyph-lab evaluate <model> [--dataset <id>]');
  const core = await openCore(global);
  const started = Date.now();
  try {
    const model = await resolveModel(core, ref);
    const e = await evaluateModel(core.services.datasets, model, values.dataset);
    const seconds = (Date.now() - started) / 1000;
    if (global.json) {
      printJson({
        model: model.summary.id,
        modelPath: model.dir ?? (await core.services.models.folder(model.summary.id)),
        dataset: e.datasetId,
        split: e.split,
        testAccuracy: e.accuracy,
        testLoss: e.loss,
        testCount: e.count,
        perClass: perClassJson(e),
        confusion: e.confusion,
        seconds,
      });
    } else {
      process.stdout.write(`${formatEvaluation(e)}\n`);
    }
    return 0;
  } finally {
    await core.dispose();
  }
}
