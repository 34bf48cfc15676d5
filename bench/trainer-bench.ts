// The cost of the process boundary: one epoch of full MNIST for a preset, trained
//   (a) through the app core and its trainer child process (what the app and the CLI do), and
//   (b) by the same job runner inside this process, with no IPC at all (the engine alone),
// run side by side in one run, with the trainer's peak memory (VmHWM, from /proc) and this
// process's. Prints samples/s for both and their ratio.
//
//   npx tsx bench/trainer-bench.ts [--preset mlp,lenet] [--epochs 1] [--repeats 2]
//
// Refreshes the section `trainer` of docs/benchmarks.md (bench/report.ts).

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCore } from '../app/core/core';
import { spawnNodeTrainer } from '../app/core/spawn-node';
import { presetTraining } from '../app/model/engine-model';
import type { SpawnTrainer, TrainerOut } from '../app/shared/trainer-protocol';
import type { TrainingEvent, TrainingSpec } from '../app/shared/types';
import { JobRunner } from '../app/trainer/run-job';
import { runStart, writeSection } from './report';

const start = runStart('bench/trainer-bench.ts');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'mlp,lenet' },
    epochs: { type: 'string', default: '1' },
    repeats: { type: 'string', default: '2' },
    /** Leave docs/benchmarks.md alone (bench/report.ts). */
    'no-docs': { type: 'boolean' },
  },
});
const epochs = Number(values.epochs);
const repeats = Number(values.repeats);

function specFor(preset: string): TrainingSpec {
  const d = presetTraining(preset);
  if (!d) throw new Error(`unknown preset ${preset}`);
  return {
    datasetId: 'mnist',
    architecture: preset,
    optimizer: d.optimizer,
    learningRate: d.learningRate,
    schedule: d.schedule,
    batchSize: d.batchSize,
    epochs,
    augmentation: false,
    seed: 1,
    validationSplit: 0.1,
  };
}

/** Resident and peak resident memory of a process, in MiB (Linux /proc). */
async function memoryOf(pid: number): Promise<{ rss: number; peak: number } | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+) kB`).exec(status)?.[1] ?? Number.NaN);
    return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

interface Run {
  samplesPerSecond: number;
  seconds: number;
  testAccuracy: number;
  peakMiB: number;
}

/** Through the core: the trainer is a child process; the last progress event gives its training rate. */
async function throughCore(spec: TrainingSpec): Promise<Run> {
  const userDataDir = await mkdtemp(path.join(tmpdir(), 'glyph-bench-'));
  let pid = 0;
  const base = spawnNodeTrainer();
  const spawn: SpawnTrainer = () => {
    const handle = base();
    handle.onMessage((m: TrainerOut) => {
      if (m.type === 'ready') pid = m.pid;
    });
    return handle;
  };
  const core = await createCore({ userDataDir, resourcesDir: root, spawnTrainer: spawn, log: () => {} });
  let rate = 0;
  let peak = 0;
  const sampler = setInterval(async () => {
    const m = pid ? await memoryOf(pid) : undefined;
    if (m) peak = Math.max(peak, m.peak);
  }, 250);
  const started = performance.now();
  try {
    const end = new Promise<TrainingEvent>((resolve) => {
      core.on((event, payload) => {
        if (event !== 'training:event') return;
        const e = payload as TrainingEvent;
        if (e.type === 'progress') rate = e.samplesPerSecond;
        if (e.type === 'done' || e.type === 'error' || e.type === 'cancelled') resolve(e);
      });
    });
    await core.handlers['training:start'](spec);
    const last = await end;
    const m = pid ? await memoryOf(pid) : undefined;
    if (m) peak = Math.max(peak, m.peak);
    if (last.type !== 'done') throw new Error(`training ended with ${last.type}`);
    return {
      samplesPerSecond: rate,
      seconds: (performance.now() - started) / 1000,
      testAccuracy: last.model.metrics?.testAccuracy ?? Number.NaN,
      peakMiB: peak,
    };
  } finally {
    clearInterval(sampler);
    await core.dispose();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

/** The same job runner in this process: no fork, no structured clone, no IPC. */
async function inProcess(spec: TrainingSpec): Promise<Run> {
  let rate = 0;
  let accuracy = Number.NaN;
  const started = performance.now();
  const runner = new JobRunner(
    {
      type: 'train',
      jobId: 'bench',
      spec,
      data: { kind: 'bundled', datasetId: 'mnist', dataDir: path.join(root, 'datasets/data') },
      testFraction: 0.2,
      progressIntervalMs: 100,
    },
    (m) => {
      if (m.type === 'progress') rate = m.samplesPerSecond;
      if (m.type === 'done') accuracy = m.evaluation.accuracy;
      if (m.type === 'error') throw new Error(m.message);
    },
  );
  await runner.run();
  const m = await memoryOf(process.pid);
  return {
    samplesPerSecond: rate,
    seconds: (performance.now() - started) / 1000,
    testAccuracy: accuracy,
    peakMiB: m?.peak ?? Number.NaN,
  };
}

const best = (a: Run | undefined, b: Run): Run =>
  !a ? b : { ...(b.samplesPerSecond > a.samplesPerSecond ? b : a), peakMiB: Math.max(a.peakMiB, b.peakMiB) };

const rows: string[] = [];
for (const preset of values.preset.split(',')) {
  const spec = specFor(preset);
  // Alternated, best of `repeats` each, so machine load hits both sides alike.
  let child: Run | undefined;
  let local: Run | undefined;
  for (let r = 0; r < repeats; r++) {
    const order = r % 2 === 0 ? [throughCore, inProcess] : [inProcess, throughCore];
    for (const run of order) {
      const got = await run(spec);
      if (run === throughCore) child = best(child, got);
      else local = best(local, got);
    }
  }
  if (!child || !local) throw new Error('no runs');
  const row =
    `| ${preset} | ${epochs} | ${child.samplesPerSecond.toFixed(0)} | ${local.samplesPerSecond.toFixed(0)} | ` +
    `${(child.samplesPerSecond / local.samplesPerSecond).toFixed(3)} | ${child.seconds.toFixed(1)} | ` +
    `${local.seconds.toFixed(1)} | ${(child.testAccuracy * 100).toFixed(2)} % | ${(local.testAccuracy * 100).toFixed(2)} % | ` +
    `${child.peakMiB.toFixed(0)} | ${local.peakMiB.toFixed(0)} |`;
  rows.push(row);
  console.log(row);
}
const table = [
  `| preset | epochs | trainer process samples/s | in-process samples/s | ratio | trainer job s | in-process job s | ` +
    'test acc (trainer) | test acc (in-process) | trainer peak RSS MiB | bench process peak RSS MiB |',
  '|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
];
console.log(`\n${table.join('\n')}`);
await writeSection(
  'trainer',
  start,
  [...table, '', `Best of ${repeats} alternated repeats each.`].join('\n'),
);
