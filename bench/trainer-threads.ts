// One epoch of a preset through the app's trainer path (JobRunner: the trainer's data loading,
// threads choice and engine loop, in this process) on a given thread count: the training samples/s,
// the threads used and why, and this process's peak RSS (process.resourceUsage().maxRSS), with the
// load average. One configuration per process, so that the peak memory is that run's alone.
//
//   npx tsx bench/trainer-threads.ts --preset cnn --threads 2 [--limit 60000]

import { loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { presetTraining } from '../app/model/engine-model';
import type { TrainerOut } from '../app/shared/trainer-protocol';
import type { TrainingSpec } from '../app/shared/types';
import { JobRunner } from '../app/trainer/run-job';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'cnn' },
    threads: { type: 'string', default: 'auto' },
    limit: { type: 'string', default: '60000' },
  },
});
const preset = values.preset!;
const training = presetTraining(preset);
if (!training) throw new Error(`no preset ${preset}`);
const spec: TrainingSpec = {
  datasetId: 'mnist',
  architecture: preset,
  optimizer: training.optimizer,
  learningRate: training.learningRate,
  schedule: training.schedule,
  batchSize: training.batchSize,
  epochs: 1,
  augmentation: training.augment === true,
  seed: 1,
  validationSplit: 0,
  limit: Number(values.limit),
  threads: values.threads === 'auto' ? 'auto' : Number(values.threads),
};
const before = loadavg()[0]!;
let rate = 0;
let done: Extract<TrainerOut, { type: 'done' }> | undefined;
const runner = new JobRunner(
  {
    type: 'train',
    jobId: 'bench',
    spec,
    data: { kind: 'bundled', datasetId: 'mnist', dataDir: path.join(root, 'datasets', 'data') },
    testFraction: 0,
    progressIntervalMs: 0,
  },
  (m) => {
    if (m.type === 'progress') rate = m.samplesPerSecond;
    if (m.type === 'done') done = m;
    if (m.type === 'error') throw new Error(m.message);
  },
);
await runner.run();
console.log(
  JSON.stringify({
    preset,
    threads: done?.threads,
    batch: spec.batchSize,
    augmentation: spec.augmentation,
    images: spec.limit,
    samplesPerSecond: Math.round(rate),
    epochSeconds: done?.history[0]?.seconds,
    testAccuracy: done?.evaluation.accuracy,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    load1: [before, loadavg()[0]],
  }),
);
