// GFLOP/s of the engine's GEMM on the shapes M1 and M2 train with, WebAssembly SIMD kernel next to
// the pure-TypeScript one, and next to the machine's GEMM peak as our kernel reaches it: its best
// dense rate over these shapes on one thread (128-bit SIMD without FMA). Shapes with blank pixels
// count their flops dense, so zero skipping shows as more than 100 %.
//
//   npx tsx bench/kernel-bench.ts [--trials 30]

import { gemm } from '../engine/kernels/gemm';
import { Rng } from '../engine/rng';
import { setWasmKernels } from '../engine/wasm/runtime';

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

/** Best-of-`trials` GFLOP/s of one shape (2·m·n·k flops per call). */
export function gflops(shape: KernelShape, trials: number, wasm: boolean): number {
  const rng = new Rng(3);
  const { transA, transB, m, n, k } = shape;
  const blank = Array.from({ length: k }, () => rng.uniform(0, 1) < (shape.blank ?? 0));
  // op(A)[i, p] lives at i·k + p (A stored [m, k]) or p·m + i (stored [k, m]): p = index mod k or div m
  const a = Float32Array.from({ length: m * k }, (_, i) =>
    blank[transA ? Math.floor(i / m) : i % k] ? 0 : rng.uniform(-1, 1),
  );
  const b = Float32Array.from({ length: k * n }, () => rng.uniform(-1, 1));
  const c = new Float32Array(m * n);
  setWasmKernels(wasm);
  const reps = Math.max(1, Math.round(2e7 / (m * n * k)));
  let best = Number.POSITIVE_INFINITY;
  for (let t = 0; t < trials; t++) {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) gemm(transA, transB, m, n, k, 1, a, 0, b, 0, 0, c, 0);
    best = Math.min(best, (performance.now() - t0) / reps);
  }
  setWasmKernels(true);
  return (2 * m * n * k) / best / 1e6;
}

/** The markdown table: shape, WebAssembly and TS GFLOP/s, their ratio, and % of the measured peak. */
export function kernelTable(trials: number): string[] {
  const rows = SHAPES.map((s) => ({
    s,
    wasm: gflops(s, trials, true),
    ts: gflops(s, Math.ceil(trials / 3), false),
  }));
  // the peak: the best dense rate (zero skipping excluded) our kernel reaches on one thread here
  const peak = Math.max(...rows.filter((r) => r.s.blank === undefined).map((r) => r.wasm));
  const lines = [
    `GEMM peak here (best dense rate of our WebAssembly SIMD kernel, one thread): ${peak.toFixed(1)} GFLOP/s`,
    '',
    '| GEMM (m×n×k) | WebAssembly GFLOP/s | TypeScript GFLOP/s | wasm ÷ ts | % of peak |',
    '|---|---|---|---|---|',
  ];
  for (const { s, wasm, ts } of rows) {
    lines.push(
      `| ${s.name} ${s.m}×${s.n}×${s.k} | ${wasm.toFixed(1)} | ${ts.toFixed(2)} | ${(wasm / ts).toFixed(1)} | ${((100 * wasm) / peak).toFixed(0)} % |`,
    );
  }
  return lines;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf('--trials');
  for (const line of kernelTable(i >= 0 ? Number(process.argv[i + 1]) : 30)) console.log(line);
}
