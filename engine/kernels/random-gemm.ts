// Random GEMM problems for checking one kernel against another (engine/wasm/wasm.test.ts, and
// engine/kernel-agreement.ts for the FMA form): sizes skewed small but reaching past every block edge,
// all four transposes, A from dense to 90 % zeros (zero skipping), and beta 0, 1 or 0.25 by turn.

import type { Rng } from '../rng';

export interface RandomGemm {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly a: Float32Array;
  readonly b: Float32Array;
  /** C before the call. */
  readonly c0: Float32Array;
  readonly beta: number;
}

/**
 * The problem of trial `trial`. `pad` floats before A, B and C (in that order) leave room for the
 * operand offsets a caller tests; they are drawn like the rest, and a kernel must leave C's untouched.
 */
export function randomGemm(
  rng: Rng,
  trial: number,
  pad: readonly [number, number, number] = [0, 0, 0],
): RandomGemm {
  const m = 1 + Math.floor(rng.uniform(0, 1) ** 2 * 140);
  const n = 1 + Math.floor(rng.uniform(0, 1) ** 2 * 600);
  const k = 1 + Math.floor(rng.uniform(0, 1) ** 2 * 700);
  const transA = rng.uniform(0, 1) < 0.5;
  const transB = rng.uniform(0, 1) < 0.5;
  const sparsity = rng.uniform(0, 0.9);
  return gemmProblem(rng, { m, n, k, transA, transB, sparsity, beta: [0, 1, 0.25][trial % 3] }, pad);
}

/** The size, layout, sparsity of A and beta of one problem. */
export interface GemmSize {
  readonly m: number;
  readonly n: number;
  readonly k: number;
  readonly transA: boolean;
  readonly transB: boolean;
  readonly sparsity: number;
  readonly beta: number;
}

/** A, B and C drawn for `size` (C uniform in [−1, 1], as beta ≠ 0 reads it). */
export function gemmProblem(
  rng: Rng,
  size: GemmSize,
  pad: readonly [number, number, number] = [0, 0, 0],
): RandomGemm {
  const { m, n, k, sparsity } = size;
  const a = Float32Array.from({ length: m * k + pad[0] }, () =>
    rng.uniform(0, 1) < sparsity ? 0 : rng.uniform(-1, 1),
  );
  const b = Float32Array.from({ length: k * n + pad[1] }, () => rng.uniform(-1, 1));
  const c0 = Float32Array.from({ length: m * n + pad[2] }, () => rng.uniform(-1, 1));
  return { ...size, a, b, c0 };
}

/**
 * Sizes off every block edge of both GEMMs (4×8 tiles, MC = 64 rows, KC = 256 k, NC = 512 columns):
 * m, n and k one short of, one past, or far from a multiple, in all four layouts; A dense or 70 %
 * sparse (compacted panels), so the edge tiles and partial panels are compared too.
 */
export function oddGemmSizes(): GemmSize[] {
  // m, n, k
  // biome-ignore format: a table, five sizes a row
  const sizes: [number, number, number][] = [
    [1, 1, 1], [3, 5, 7], [2, 9, 13], [5, 7, 3], [4, 8, 2],
    [7, 15, 257], [17, 33, 9], [63, 513, 31], [65, 9, 511], [67, 13, 259],
    [9, 515, 21], [130, 9, 513], [131, 23, 259],
  ];
  return sizes.flatMap(([m, n, k], i) =>
    [false, true].flatMap((transA) =>
      [false, true].map((transB) => ({
        m,
        n,
        k,
        transA,
        transB,
        sparsity: transB ? 0.7 : 0,
        beta: [0, 1, 0.25][i % 3],
      })),
    ),
  );
}
