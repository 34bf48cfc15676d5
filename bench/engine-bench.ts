// Engine speed against TensorFlow.js on the same data in the same process: one epoch of M1 (MLP
// 784-256-128-10) and M2 (LeNet-style) at batch 64, SGD with momentum 0.9, lr 0.01; then batch-1
// inference latency (median and p95, µs). Ours runs three times: with the WebAssembly SIMD kernels on
// one thread (the default) and on two (data-parallel, TrainOptions.parallel with worker_threads), and
// on the pure-TypeScript fallback (`--ts-samples`, fewer: it is the slow path). Then the
// GFLOP/s of each GEMM shape next to the machine's GEMM peak (bench/kernel-bench.ts). The load
// average is printed before and after: the machine is shared. PyTorch 1-thread (bench/torch_reference.py)
// runs after ours in the same invocation, where `import torch` works.
//
//   npx tsx bench/engine-bench.ts [--samples 60000] [--ts-samples 12000] [--tf-cpu-samples 6000]
//       [--tf-cpu-conv-samples 1000] [--runs 1000] [--trials 30] [--no-fma]
//
// Our default form is the FMA one (relaxed SIMD) where the runtime has it, as in the app's Electron:
// under Node 20 the script reruns itself with --experimental-wasm-relaxed-simd (--no-fma: do not),
// and then also measures the plain SIMD form on one thread.
// Every training rate is also given per CPU-second of the process (ours and PyTorch's): on this shared
// machine the wall-clock rates of two processes run a minute apart can differ 3× with the load, while
// CPU time is what each of them used.
//
// The tfjs cpu backend (plain JS) is slow (~12 samples/s on M2), so it gets fewer samples; samples/s
// is a rate and the report says how many samples each figure was measured on. A full run (60,000
// samples) refreshes the `engine` and `kernels` sections of docs/benchmarks.md (bench/report.ts).

import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { nodeGradientWorkers } from '../app/trainer/gradient-workers';
import type { Dataset } from '../engine/batch';
import { fmaAvailable, setFusedMultiplyAdd, setWasmKernels } from '../engine/kernels';
import { preset } from '../engine/presets';
import { train } from '../engine/train';
import { buildModel, classificationLoss } from './engine-adapter';
import { kernelTable } from './kernel-bench';
import { loadMnist } from './mnist';
import { keepSection, runStart, writeSection } from './report';
import { percentiles, type ReferenceModel, runReference } from './tfjs-reference';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

const PRESET_OF: Record<ReferenceModel, 'mlp' | 'lenet'> = { M1: 'mlp', M2: 'lenet' };

function first(data: Dataset, count: number): Dataset {
  const size = data.images.length / data.labels.length;
  return { ...data, images: data.images.subarray(0, count * size), labels: data.labels.subarray(0, count) };
}

interface Mode {
  readonly wasm: boolean;
  /** The FMA form of the WebAssembly kernels (relaxed SIMD), where the runtime has it. */
  readonly fma: boolean;
  /** Data-parallel on two threads (TrainOptions.parallel with worker_threads). */
  readonly threads: 1 | 2;
}

async function ours(model: ReferenceModel, data: Dataset, runs: number, mode: Mode) {
  if (setWasmKernels(mode.wasm) !== mode.wasm)
    throw new Error('WebAssembly SIMD kernels are not available here');
  if (mode.wasm && setFusedMultiplyAdd(mode.fma) !== mode.fma)
    throw new Error('the FMA form is not available here');
  const spec = preset(PRESET_OF[model], { classes: 10 }).model;
  const net = buildModel(spec, 1);
  const settings = {
    epochs: 1,
    batchSize: 64,
    learningRate: 0.01,
    optimizer: { type: 'momentum', config: { momentum: 0.9 } },
    loss: classificationLoss(),
    ...(mode.threads === 2 ? { parallel: nodeGradientWorkers() } : {}),
  } as const;
  const warm = await train(net, first(data, 128), settings);
  if (warm.status !== 'completed') throw new Error(`warm-up ended ${warm.status}`);
  const cpu0 = process.cpuUsage();
  const result = await train(net, data, { ...settings, seed: 1 });
  const cpu = process.cpuUsage(cpu0);
  const one = { shape: [1, ...spec.inputShape], data: data.images.slice(0, 784) };
  const times: number[] = [];
  for (let i = 0; i < runs + 20; i++) {
    const t0 = performance.now();
    net.forward(one, { training: false });
    if (i >= 20) times.push((performance.now() - t0) * 1000);
  }
  setWasmKernels(true);
  setFusedMultiplyAdd(true);
  return {
    samplesPerSecond: result.record.samplesPerSecond,
    // CPU time of the whole process: both threads in the two-thread mode (the worker's start-up
    // included), V8's helper threads too
    samplesPerCpuSecond: data.labels.length / ((cpu.user + cpu.system) / 1e6),
    samples: data.labels.length,
    inferenceMicros: percentiles(times),
  };
}

interface TorchResult {
  readonly model: ReferenceModel;
  readonly samples: number;
  readonly samplesPerSecond: number;
  readonly samplesPerCpuSecond: number;
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

/**
 * Under Node 20 relaxed SIMD (the FMA form the app runs in Electron) needs a V8 flag: reruns this
 * script with it, unless --no-fma asks for the plain form or this is the rerun. Returns whether it did.
 */
function relaunchWithFma(): boolean {
  if (fmaAvailable() || process.argv.includes('--no-fma') || process.env.GLYPH_BENCH_RELAUNCHED === '1')
    return false;
  const run = spawnSync(
    process.execPath,
    [
      '--experimental-wasm-relaxed-simd',
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: 'inherit', env: { ...process.env, GLYPH_BENCH_RELAUNCHED: '1' } },
  );
  process.exitCode = run.status ?? 1;
  return true;
}

async function main(): Promise<void> {
  if (relaunchWithFma()) return;
  const start = runStart('bench/engine-bench.ts');
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
  type Rate = {
    samplesPerSecond: number;
    /** Samples per CPU-second of the process: on a loaded machine the fair rate (ours and PyTorch). */
    samplesPerCpuSecond?: number;
    samples: number;
    inferenceMicros: { median: number; p95: number };
  };
  const table: { model: ReferenceModel; name: string; r: Rate & { error?: string } }[] = [];
  // our default form: with FMA where the runtime has relaxed SIMD (this process was relaunched with
  // --experimental-wasm-relaxed-simd under Node 20), plain SIMD otherwise; plain SIMD is measured too
  const fma = fmaAvailable();
  const form = fma ? 'WebAssembly SIMD + FMA' : 'WebAssembly SIMD';
  const ONE = `ours (${form}, 1 thread)`;
  const TWO = `ours (${form}, 2 threads)`;
  console.log(`kernels: ${form}${fma ? '' : ' (relaxed SIMD unavailable: no FMA)'}`);
  const best: Record<string, number> = {};
  for (const model of ['M1', 'M2'] as const) {
    const data = first(train60k, samples);
    const add = (name: string, r: Rate & { error?: string }) => {
      table.push({ model, name, r });
      console.log(
        r.error !== undefined
          ? `${model} ${name}: training not possible: ${r.error}`
          : `${model} ${name}: ${fmt(r.samplesPerSecond)} samples/s on ${r.samples}`,
      );
    };
    add(ONE, await ours(model, data, runs, { wasm: true, fma, threads: 1 }));
    add(TWO, await ours(model, data, runs, { wasm: true, fma, threads: 2 }));
    if (fma) {
      const plain = await ours(model, data, runs, { wasm: true, fma: false, threads: 1 });
      add('ours (WebAssembly SIMD without FMA, 1 thread)', plain);
    }
    const tsData = first(data, Math.min(tsSamples, samples));
    add(
      'ours (TypeScript fallback, 1 thread)',
      await ours(model, tsData, runs, { wasm: false, fma: false, threads: 1 }),
    );
    for (const backend of ['wasm', 'cpu'] as const) {
      const count = backend === 'cpu' ? Math.min(cpuSamples[model], samples) : samples;
      const r = await runReference(backend, model, data, count, runs);
      add(`tfjs ${backend}`, { ...r, error: r.trainError });
      best[`${model} tfjs ${backend}`] = r.trainError === undefined ? r.samplesPerSecond : Number.NaN;
    }
  }
  const torch = torchReference(samples, runs);
  if (torch.ran) {
    for (const t of torch.results) {
      const at = table.findIndex((row) => row.model === t.model && row.name === 'tfjs wasm');
      table.splice(at, 0, { model: t.model, name: `PyTorch ${t.torch}, 1 thread`, r: t });
    }
  }
  const row = (model: ReferenceModel, name: string) => {
    const found = table.find((t) => t.model === model && t.name === name)?.r;
    return found === undefined || found.error !== undefined ? undefined : found;
  };
  const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '—');
  const lines = [
    '| model | implementation | train samples/s (samples) | ours 1 thread ÷ this | ours 2 threads ÷ this | samples per CPU-second | ours 1 thread ÷ this, per CPU-second | batch-1 inference median µs | p95 µs | inference: this ÷ ours |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { model, name, r } of table) {
    const one = row(model, ONE)!;
    const two = row(model, TWO)!;
    const self = name.startsWith('ours (WebAssembly');
    const rate = r.error !== undefined ? `n/a: ${r.error}` : `${fmt(r.samplesPerSecond)} (${r.samples})`;
    const trained = r.error === undefined;
    const cells = [
      self || !trained ? '—' : ratio(one.samplesPerSecond, r.samplesPerSecond),
      self || !trained ? '—' : ratio(two.samplesPerSecond, r.samplesPerSecond),
      r.samplesPerCpuSecond === undefined ? '—' : fmt(r.samplesPerCpuSecond),
      self || r.samplesPerCpuSecond === undefined
        ? '—'
        : ratio(one.samplesPerCpuSecond ?? Number.NaN, r.samplesPerCpuSecond),
    ];
    const inference = self ? '—' : ratio(r.inferenceMicros.median, one.inferenceMicros.median);
    lines.push(
      `| ${model} | ${name} | ${rate} | ${cells.join(' | ')} | ${fmt(r.inferenceMicros.median)} | ${fmt(r.inferenceMicros.p95)} | ${inference} |`,
    );
  }
  lines.push('', torch.line);
  // the targets, from this run
  const fastest = (model: ReferenceModel) =>
    Math.max(row(model, ONE)!.samplesPerSecond, row(model, TWO)!.samplesPerSecond);
  const m1 = row('M1', ONE)!;
  const m2 = row('M2', ONE)!;
  const tfWasm = best['M1 tfjs wasm'];
  const tfCpu = best['M2 tfjs cpu'];
  lines.push(
    '',
    'Targets (this run):',
    `- M1 training ≥ 10× tfjs-wasm: ${ratio(fastest('M1'), tfWasm)}× (fastest of our two modes)`,
    `- M2 training ≥ 10× tfjs-cpu: ${ratio(fastest('M2'), tfCpu)}×`,
    `- batch-1 p95: M1 ${fmt(m1.inferenceMicros.p95)} µs (≤ 60), M2 ${fmt(m2.inferenceMicros.p95)} µs (≤ 250)`,
  );
  if (torch.ran) {
    for (const t of torch.results) {
      const mine = row(t.model, ONE)!;
      lines.push(
        `- ${t.model} vs PyTorch 1 thread: training ${ratio(fastest(t.model), t.samplesPerSecond)}× (goal 1.0), per CPU-second ${ratio(mine.samplesPerCpuSecond ?? Number.NaN, t.samplesPerCpuSecond)}× (one thread each), batch-1 median ${ratio(t.inferenceMicros.median, mine.inferenceMicros.median)}× (PyTorch µs ÷ ours)`,
      );
    }
  }
  console.log(`\n${lines.join('\n')}\n`);
  const kernels = kernelTable(flag('trials', 30));
  console.log(kernels.join('\n'));
  console.log(`\nload average at end (1, 5, 15 min): ${load()}`);
  if (samples === 60000) {
    await writeSection('engine', start, lines.join('\n'));
    await writeSection('kernels', start, kernels.join('\n'));
  } else {
    for (const id of ['engine', 'kernels'])
      keepSection(id, `--samples ${samples} (the sections are full epochs of 60,000)`);
  }
}

await main();
