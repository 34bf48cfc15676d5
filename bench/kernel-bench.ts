// GFLOP/s of the engine's GEMM on the shapes M1 and M2 train with: the WebAssembly kernel with FMA
// (relaxed SIMD; under Node 20 measured in a child with --experimental-wasm-relaxed-simd) and without
// (plain SIMD 128), and the pure-TypeScript one; each printed as "GFLOP/s (peak X)", X its form's
// peak as our kernel reaches it (its best dense rate over these shapes on one thread), and native
// SGEMM (PyTorch, one thread) for scale. Shapes with blank pixels count their flops dense, so zero skipping can exceed 100 %.
//
//   npx tsx bench/kernel-bench.ts [--trials 30]

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { fmaAvailable, setFusedMultiplyAdd, setWasmKernels } from '../engine/kernels';
import { gemm } from '../engine/kernels/gemm';
import { Rng } from '../engine/rng';

export interface KernelShape {
  readonly name: string;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly m: number;
  readonly n: number;
  readonly k: number;
  /** Fraction of the k indices where op(A) is zero in every row (blank pixels across a batch of MNIST:
   *  ~40 %); flops are counted dense, so zero skipping shows as a higher rate. */
  readonly blank?: number;
}

export const SHAPES: readonly KernelShape[] = [
  { name: 'M1 dense1 forward x·W (NN)', transA: false, transB: false, m: 64, n: 256, k: 784 },
  {
    name: 'M1 dense1 forward, 40 % blank pixels',
    transA: false,
    transB: false,
    m: 64,
    n: 256,
    k: 784,
    blank: 0.4,
  },
  { name: 'M1 dense1 kernel grad xᵀ·dY (TN)', transA: true, transB: false, m: 784, n: 256, k: 64 },
  { name: 'M1 dense2 input grad dY·Wᵀ (NT)', transA: false, transB: true, m: 64, n: 256, k: 128 },
  { name: 'M2 conv2 forward W·col (NN)', transA: false, transB: false, m: 16, n: 4096, k: 200 },
  { name: 'M2 conv2 kernel grad dY·colᵀ (NT)', transA: false, transB: true, m: 16, n: 200, k: 4096 },
  { name: 'M2 conv2 col grad Wᵀ·dY (TN)', transA: true, transB: false, m: 200, n: 4096, k: 16 },
  { name: 'M2 conv1 forward (k = 25)', transA: false, transB: false, m: 8, n: 36864, k: 25 },
  { name: 'square 256³ (NN)', transA: false, transB: false, m: 256, n: 256, k: 256 },
  { name: 'square 512³ (NN)', transA: false, transB: false, m: 512, n: 512, k: 512 },
];

/** Which kernels run: WebAssembly with FMA (relaxed SIMD), plain WebAssembly SIMD, or TypeScript. */
export type KernelPath = 'fma' | 'simd' | 'ts';

/** Best-of-`trials` GFLOP/s of one shape (2·m·n·k flops per call). */
export function gflops(shape: KernelShape, trials: number, path: KernelPath): number {
  const rng = new Rng(3);
  const { transA, transB, m, n, k } = shape;
  const blank = Array.from({ length: k }, () => rng.uniform(0, 1) < (shape.blank ?? 0));
  // op(A)[i, p] lives at i·k + p (A stored [m, k]) or p·m + i (stored [k, m]): p = index mod k or div m
  const a = Float32Array.from({ length: m * k }, (_, i) =>
    blank[transA ? Math.floor(i / m) : i % k] ? 0 : rng.uniform(-1, 1),
  );
  const b = Float32Array.from({ length: k * n }, () => rng.uniform(-1, 1));
  const c = new Float32Array(m * n);
  setWasmKernels(path !== 'ts');
  if (setFusedMultiplyAdd(path === 'fma') !== (path === 'fma'))
    throw new Error('the FMA form is not available');
  const reps = Math.max(1, Math.round(2e7 / (m * n * k)));
  let best = Number.POSITIVE_INFINITY;
  for (let t = 0; t < trials; t++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) gemm(transA, transB, m, n, k, 1, a, 0, b, 0, 0, c, 0);
    best = Math.min(best, (performance.now() - t0) / reps);
  }
  setWasmKernels(true);
  setFusedMultiplyAdd(true);
  return (2 * m * n * k) / best / 1e6;
}

/**
 * The FMA column: measured here when this runtime has relaxed SIMD, else in a child Node with
 * --experimental-wasm-relaxed-simd (Node 20); undefined where neither works.
 */
function fmaRates(trials: number): number[] | undefined {
  if (fmaAvailable()) return SHAPES.map((s) => gflops(s, trials, 'fma'));
  const self = fileURLToPath(import.meta.url);
  const run = spawnSync(
    process.execPath,
    ['--experimental-wasm-relaxed-simd', '--import', 'tsx', self, '--fma-json', '--trials', String(trials)],
    { encoding: 'utf8' },
  );
  return run.status === 0 ? (JSON.parse(run.stdout) as number[]) : undefined;
}

/**
 * Native single-thread SGEMM (PyTorch's torch.mm: a BLAS with 256-bit FMA where the CPU has it) on
 * 512³, for scale; undefined where `import torch` fails.
 */
function nativeSgemm(): number | undefined {
  const code = [
    'import time, torch',
    'torch.set_num_threads(1)',
    'a = torch.rand(512, 512); b = torch.rand(512, 512)',
    'best = 1e9',
    'for _ in range(30):',
    '    t = time.perf_counter(); torch.mm(a, b); best = min(best, time.perf_counter() - t)',
    'print(2 * 512 ** 3 / best / 1e9)',
  ].join('\n');
  for (const python of ['/usr/bin/python3', 'python3']) {
    const run = spawnSync(python, ['-c', code], {
      encoding: 'utf8',
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
    });
    if (run.status === 0) return Number(run.stdout.trim());
  }
  return undefined;
}

/**
 * The markdown table: each shape's GFLOP/s with FMA, with plain SIMD and in TypeScript, each
 * WebAssembly rate with its form's peak here beside it (the best dense rate that form reaches on
 * these shapes, one thread), and FMA ÷ plain.
 */
export function kernelTable(trials: number): string[] {
  const fma = fmaRates(trials);
  const rows = SHAPES.map((s, i) => ({
    s,
    fma: fma?.[i],
    simd: gflops(s, trials, 'simd'),
    ts: gflops(s, Math.ceil(trials / 3), 'ts'),
  }));
  // a form's peak: the best dense rate (zero skipping excluded) it reaches on one thread here
  const dense = rows.filter((r) => r.s.blank === undefined);
  const peakSimd = Math.max(...dense.map((r) => r.simd));
  const peakFma = fma === undefined ? Number.NaN : Math.max(...dense.map((r) => r.fma ?? 0));
  const native = nativeSgemm();
  const num = (x: number | undefined) => (x === undefined ? '—' : x.toFixed(1));
  // each rate as "GFLOP/s (peak X)": the form's peak beside it, so the share is read off every cell
  const rate = (x: number | undefined, peak: number) =>
    x === undefined || !Number.isFinite(peak) ? '—' : `${x.toFixed(1)} (peak ${peak.toFixed(1)})`;
  const lines = [
    `GEMM peak here, one thread (best dense rate of each form on these shapes): WebAssembly SIMD + FMA ${num(fma === undefined ? undefined : peakFma)} GFLOP/s, plain WebAssembly SIMD ${peakSimd.toFixed(1)} GFLOP/s` +
      (native === undefined
        ? ''
        : `; native SGEMM (PyTorch torch.mm 512³, 1 thread) ${native.toFixed(1)} GFLOP/s`),
    fma === undefined
      ? 'FMA form: not measured (relaxed SIMD unavailable, also with --experimental-wasm-relaxed-simd)'
      : '',
    '',
    '| GEMM (m×n×k) | SIMD + FMA GFLOP/s (peak) | SIMD GFLOP/s (peak) | FMA ÷ SIMD | TypeScript GFLOP/s | SIMD ÷ TS |',
    '|---|---|---|---|---|---|',
  ].filter((l, i) => i !== 1 || l !== '');
  for (const { s, fma: f, simd, ts } of rows) {
    lines.push(
      `| ${s.name} ${s.m}×${s.n}×${s.k} | ${rate(f, peakFma)} | ${rate(simd, peakSimd)} | ${f === undefined ? '—' : (f / simd).toFixed(2)} | ${ts.toFixed(2)} | ${(simd / ts).toFixed(1)} |`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--trials');
  const trials = i >= 0 ? Number(process.argv[i + 1]) : 30;
  if (process.argv.includes('--fma-json'))
    console.log(JSON.stringify(SHAPES.map((s) => gflops(s, trials, 'fma'))));
  else for (const line of kernelTable(trials)) console.log(line);
}
