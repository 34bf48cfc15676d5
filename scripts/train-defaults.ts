// Trains the built-in models shipped with the app (so drawing works before anyone trains):
// models/digits/ (MNIST) and models/letters/ (the bundled letters set), each model.json + weights.bin
// + README.md. Seeded and reproducible: the same data, seed and code give the same weights. It runs
// the app's own training path (app/trainer's JobRunner) in this process, and records the test
// accuracy on each dataset's held-out test split in the model's metrics.
//
//   npx tsx scripts/train-defaults.ts [--only digits|letters] [--epochs N] [--limit N] [--out models]

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { replaceDirAtomic } from '../app/core/fs-atomic';
import { modelCard } from '../app/core/model-codec';
import { type AppModelMeta, summaryOf, taskOf, withAppMeta } from '../app/core/model-meta';
import type { TrainerOut } from '../app/shared/trainer-protocol';
import type { TrainingSpec } from '../app/shared/types';
import { JobRunner } from '../app/trainer/run-job';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Default {
  folder: string;
  name: string;
  spec: TrainingSpec;
}

/** LeNet (about 38 k parameters, 150 KB of weights) trained on augmented images, for both sets. */
const base = (datasetId: string, name: string, epochs: number): TrainingSpec => ({
  datasetId,
  architecture: 'lenet',
  optimizer: { type: 'momentum', config: { momentum: 0.9, weightDecay: 1e-4 } },
  learningRate: 0.05,
  schedule: { type: 'cosine', config: { minFactor: 0.01 } },
  batchSize: 64,
  epochs,
  augmentation: true,
  seed: 20_251_124,
  validationSplit: 0.05,
  name,
});

const DEFAULTS: Default[] = [
  { folder: 'digits', name: 'Digits (built-in LeNet)', spec: base('mnist', 'Digits (built-in LeNet)', 6) },
  {
    folder: 'letters',
    name: 'Letters (built-in LeNet)',
    spec: base('letters', 'Letters (built-in LeNet)', 8),
  },
];

async function trainOne(d: Default, outDir: string): Promise<void> {
  const started = Date.now();
  const jobId = `default-${d.folder}`;
  let result: Extract<TrainerOut, { type: 'done' }> | undefined;
  let failure: string | undefined;
  const runner = new JobRunner(
    {
      type: 'train',
      jobId,
      spec: d.spec,
      data: { kind: 'bundled', datasetId: d.spec.datasetId, dataDir: path.join(ROOT, 'datasets', 'data') },
      testFraction: 0,
      progressIntervalMs: 5000,
    },
    (m) => {
      if (m.type === 'progress') {
        process.stderr.write(
          `  ${d.folder}: epoch ${m.epoch}/${m.epochs} ${(m.fraction * 100).toFixed(0)}% loss ${m.loss.toFixed(3)} ` +
            `${Math.round(m.samplesPerSecond)}/s ETA ${Math.round(m.etaSeconds)} s\n`,
        );
      } else if (m.type === 'epochEnd') {
        const v =
          m.metrics.valAccuracy === undefined ? '' : ` val acc ${(m.metrics.valAccuracy * 100).toFixed(2)}%`;
        process.stderr.write(
          `  ${d.folder}: epoch ${m.metrics.epoch} loss ${m.metrics.trainLoss.toFixed(4)}${v}\n`,
        );
      } else if (m.type === 'done') result = m;
      else if (m.type === 'error') failure = `${m.kind}: ${m.message}`;
    },
  );
  await runner.run();
  if (!result) throw new Error(`${d.folder}: training did not finish (${failure ?? 'no result'})`);
  const e = result.evaluation;
  const meta: AppModelMeta = {
    name: d.name,
    datasetId: d.spec.datasetId,
    task: taskOf(d.spec.datasetId),
    classes: (result.model.json.classes as string[]) ?? [],
    architecture: d.spec.architecture,
    // A fixed time keeps the files byte-identical from one run to the next.
    createdAt: '2026-01-01T00:00:00.000Z',
    metrics: {
      testAccuracy: e.accuracy,
      testLoss: e.loss,
      evaluatedOn: `${e.datasetId} ${e.split} split, ${e.count.toLocaleString('en')} images`,
    },
    evaluation: e,
    training: {
      spec: d.spec,
      history: result.history.map((h) => ({ ...h, seconds: Math.round(h.seconds) })),
      seconds: Math.round(result.seconds),
      finishedAt: '2026-01-01T00:00:00.000Z',
    },
  };
  const json = withAppMeta(result.model.json, meta);
  const payload = {
    summary: summaryOf(`builtin-${d.folder}`, json, result.parameters, true, meta.createdAt),
    json,
    weights: result.model.weights,
  };
  const dir = path.join(outDir, d.folder);
  await replaceDirAtomic(dir, {
    'model.json': `${JSON.stringify(json)}\n`,
    'weights.bin': result.model.weights,
    'README.md': modelCard(payload),
  });
  process.stdout.write(
    `${d.folder}: test accuracy ${(e.accuracy * 100).toFixed(2)}% on ${e.count} images, ` +
      `${result.parameters} parameters (${(result.model.weights.byteLength / 1024).toFixed(0)} KB), ` +
      `${((Date.now() - started) / 1000).toFixed(0)} s → ${dir}\n`,
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      epochs: { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const outDir = path.resolve(values.out ?? path.join(ROOT, 'models'));
  for (const d of DEFAULTS) {
    if (values.only && values.only !== d.folder) continue;
    const spec = { ...d.spec };
    if (values.epochs) spec.epochs = Number(values.epochs);
    if (values.limit) spec.limit = Number(values.limit);
    await trainOne({ ...d, spec }, outDir);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`train-defaults: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
