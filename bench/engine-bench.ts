// Engine speed against TensorFlow.js on the same data in the same process: one epoch of M1 (MLP
// 784-256-128-10) and M2 (LeNet-style) at batch 64, SGD with momentum 0.9, lr 0.01; then batch-1
// inference latency (median and p95, µs). Ours runs twice: with the WebAssembly SIMD kernels (the
// default) and on the pure-TypeScript fallback (`--ts-samples`, fewer: it is the slow path). Then the
// GFLOP/s of each GEMM shape next to the machine's GEMM peak (bench/kernel-bench.ts). The load
// average is printed before and after: the machine is shared. PyTorch 1-thread (bench/torch_reference.py)
// runs after ours in the same invocation, where `import torch` works.
//
//   npx tsx bench/engine-bench.ts [--samples 60000] [--ts-samples 12000] [--tf-cpu-samples 6000]
//       [--tf-cpu-conv-samples 1000] [--runs 1000] [--trials 30]
//
// The tfjs cpu backend (plain JS) is slow (~12 samples/s on M2), so it gets fewer samples; samples/s
// is a rate and the report says how many samples each figure was measured on.

import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../engine/batch';
import { preset } from '../engine/presets';
import { train } from '../engine/train';
import { setWasmKernels } from '../engine/wasm/runtime';
import { buildModel, classificationLoss } from './engine-adapter';
import { kernelTable } from './kernel-bench';
import { loadMnist } from './mnist';
import { percentiles, type ReferenceModel, runReference, type TfBackend } from './tfjs-reference';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const PRESET_OF: Record<ReferenceModel, 'mlp' | 'lenet'> = { M1: 'mlp', M2: 'lenet' };

function first(data: Dataset, count: number): Dataset {
  const size = data.images.length / data.labels.length;
  return { ...data, images: data.images.subarray(0, count * size), labels: data.labels.subarray(0, count) };
}

async function ours(model: ReferenceModel, data: Dataset, runs: number, wasm: boolean) {
  if (setWasmKernels(wasm) !== wasm) throw new Error('WebAssembly SIMD kernels are not available here');
  const spec = preset(PRESET_OF[model], { classes: 10 }).model;
  const net = buildModel(spec, 1);
  const warm = await train(net, first(data, 64), {
    epochs: 1,
    batchSize: 64,
    learningRate: 0.01,
    optimizer: { type: 'momentum', config: { momentum: 0.9 } },
    loss: classificationLoss(),
  });
  if (warm.status !== 'completed') throw new Error(`warm-up ended ${warm.status}`);
  const result = await train(net, data, {
    epochs: 1,
    batchSize: 64,
    learningRate: 0.01,
    optimizer: { type: 'momentum', config: { momentum: 0.9 } },
    loss: classificationLoss(),
    seed: 1,
  });
  const one = { shape: [1, ...spec.inputShape], data: data.images.slice(0, 784) };
  const times: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    const t0 = performance.now();
    net.forward(one, { training: false });
    if (i >= 20) times.push((performance.now() - t0) * 1000);
  }
  setWasmKernels(true);
  return {
    samplesPerSecond: result.record.samplesPerSecond,
    samples: data.labels.length,
    inferenceMicros: percentiles(times),
  };
}

interface TorchResult {
  readonly model: ReferenceModel;
  readonly samples: number;
  readonly samplesPerSecond: number;
  readonly inferenceMicros: { median: number; p95: number };
  readonly torch: string;
  readonly threads: number;
}

/**
 * bench/torch_reference.py on one thread (torch.set_num_threads(1), OPENBLAS_NUM_THREADS=1): the same
 * models, data and settings. Tries Debian's /usr/bin/python3 first (where apt's python3-torch lives;
 * a pyenv `python3` earlier on PATH may lack torch), then `python3`; skips with the reason otherwise.
 */
function torchReference(
  samples: number,
  runs: number,
): { ran: true; results: TorchResult[]; line: string } | { ran: false; line: string } {
  const reasons: string[] = [];
  for (const python of ['/usr/bin/python3', 'python3']) {
    const probe = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' });
    if (probe.error !== undefined || probe.status !== 0) {
      const why = probe.error?.message ?? probe.stderr.trim().split('\n').pop() ?? `exit ${probe.status}`;
      reasons.push(`${python}: ${why}`);
      continue;
    }
    const script = fileURLToPath(new URL('./torch_reference.py', import.meta.url));
    const run = spawnSync(
      python,
      [script, '--samples', String(samples), '--runs', String(runs), '--models', 'M1,M2'],
      { encoding: 'utf8', env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' } },
    );
    if (run.status !== 0) return { ran: false, line: `PyTorch: failed (${python}): ${run.stderr.trim()}` };
    const results = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as TorchResult);
    for (const r of results) {
      console.log(
        `${r.model} PyTorch ${r.torch} (${r.threads} thread): ${fmt(r.samplesPerSecond)} samples/s on ${r.samples}, batch-1 median ${fmt(r.inferenceMicros.median)} µs`,
      );
    }
    return {
      ran: true,
      results,
      line: `PyTorch: ${python}, torch ${results[0]?.torch}, ${results[0]?.threads} thread (bench/torch_reference.py)`,
    };
  }
  return { ran: false, line: `PyTorch: skipped (${reasons.join('; ')})` };
}

const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toPrecision(3));
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');

async function main(): Promise<void> {
  const samples = flag('samples', 60000);
  const cpuSamples: Record<ReferenceModel, number> = {
    M1: flag('tf-cpu-samples', 6000),
    M2: flag('tf-cpu-conv-samples', 1000),
  };
  const runs = flag('runs', 1000);
  const tsSamples = flag('ts-samples', 12000);
  const train60k = await loadMnist('train');
  console.log(`# engine-bench  ${new Date().toISOString()}`);
  console.log(
    `machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.availableParallelism()} (Node ${process.version})`,
  );
  console.log(`data: MNIST train from ${train60k.source}; batch 64, SGD momentum 0.9, lr 0.01, 1 epoch`);
  console.log(`load average at start (1, 5, 15 min): ${load()}\n`);
  const rows: string[] = [];
  const results = {} as Record<ReferenceModel, Awaited<ReturnType<typeof ours>>>;
  for (const model of ['M1', 'M2'] as const) {
    const data = first(train60k, samples);
    const mine = await ours(model, data, runs, true);
    results[model] = mine;
    console.log(`${model} ours (wasm): ${fmt(mine.samplesPerSecond)} samples/s on ${mine.samples}`);
    const plain = await ours(model, first(data, Math.min(tsSamples, samples)), runs, false);
    console.log(`${model} ours (ts): ${fmt(plain.samplesPerSecond)} samples/s on ${plain.samples}`);
    const refs: { backend: TfBackend; r: Awaited<ReturnType<typeof runReference>> }[] = [];
    for (const backend of ['wasm', 'cpu'] as const) {
      const count = backend === 'cpu' ? Math.min(cpuSamples[model], samples) : samples;
      const r = await runReference(backend, model, data, count, runs);
      console.log(
        r.trainError === undefined
          ? `${model} tfjs-${backend}: ${fmt(r.samplesPerSecond)} samples/s on ${r.samples}`
          : `${model} tfjs-${backend}: training not possible: ${r.trainError}`,
      );
      refs.push({ backend, r });
    }
    rows.push(
      `| ${model} | ours (WebAssembly SIMD) | ${fmt(mine.samplesPerSecond)} (${mine.samples}) | — | ${fmt(mine.inferenceMicros.median)} | ${fmt(mine.inferenceMicros.p95)} | — |`,
      `| ${model} | ours (TypeScript fallback) | ${fmt(plain.samplesPerSecond)} (${plain.samples}) | ${(mine.samplesPerSecond / plain.samplesPerSecond).toFixed(2)} | ${fmt(plain.inferenceMicros.median)} | ${fmt(plain.inferenceMicros.p95)} | ${(plain.inferenceMicros.median / mine.inferenceMicros.median).toFixed(2)} |`,
    );
    for (const { backend, r } of refs) {
      const trained = r.trainError === undefined;
      const rate = trained ? `${fmt(r.samplesPerSecond)} (${r.samples})` : `n/a: ${r.trainError}`;
      const ratio = trained ? (mine.samplesPerSecond / r.samplesPerSecond).toFixed(2) : '—';
      const inferenceRatio = (r.inferenceMicros.median / mine.inferenceMicros.median).toFixed(2);
      rows.push(
        `| ${model} | tfjs ${backend} | ${rate} | ${ratio} | ${fmt(r.inferenceMicros.median)} | ${fmt(r.inferenceMicros.p95)} | ${inferenceRatio} |`,
      );
    }
  }
  const torch = torchReference(samples, runs);
  if (torch.ran) {
    for (const model of ['M1', 'M2'] as const) {
      const t = torch.results.find((r) => r.model === model);
      const mine = results[model];
      if (t === undefined) continue;
      const row = `| ${model} | PyTorch ${t.torch}, 1 thread | ${fmt(t.samplesPerSecond)} (${t.samples}) | ${(mine.samplesPerSecond / t.samplesPerSecond).toFixed(2)} | ${fmt(t.inferenceMicros.median)} | ${fmt(t.inferenceMicros.p95)} | ${(t.inferenceMicros.median / mine.inferenceMicros.median).toFixed(2)} |`;
      const at = rows.findIndex((r) => r.startsWith(`| ${model} | tfjs wasm`));
      rows.splice(at, 0, row);
    }
  }
  console.log(
    '\n| model | implementation | train samples/s (samples) | train: ours ÷ this | batch-1 inference median µs | p95 µs | inference: this ÷ ours |',
  );
  console.log('|---|---|---|---|---|---|---|');
  for (const row of rows) console.log(row);
  console.log(`\n${torch.line}`);
  console.log('');
  for (const line of kernelTable(flag('trials', 30))) console.log(line);
  console.log(`\nload average at end (1, 5, 15 min): ${load()}`);
}

await main();
