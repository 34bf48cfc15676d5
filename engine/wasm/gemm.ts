// GEMM through the WebAssembly SIMD kernel: the operands are copied into the module's memory (one
// memcpy each: TypedArray.set), multiplied there, and C copied back. The copies cost O(m·k + k·n +
// m·n) against O(m·n·k) multiply-adds; measured in bench/kernel-bench.ts, they are a few percent of
// the Dense and convolution shapes. Layout of the memory, in bytes:
//   [0, resident)    optimizer state kept between steps (memory.ts `resident`), often empty
//   [.., + WORK + 4·k) work area of kernels.wat (packed A and B panels, edge tile, flags, live k)
//   then A, B, C, each 16-byte aligned, and the bias of the epilogue.

import { copy, operands, WORK_BYTES as WORK } from './memory';

/**
 * The signature every GEMM shares (`gemm` in engine/kernels/gemm.ts says the contract): the TypeScript
 * kernel, the reference loop, and `gemmWasm` below with its epilogue added.
 */
export type Gemm = (
  transA: boolean,
  transB: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float32Array,
  aOffset: number,
  b: Float32Array,
  bOffset: number,
  beta: number,
  c: Float32Array,
  cOffset: number,
) => void;

/** What runs on C in memory before it is copied out: the bias of each column, then ReLU if asked. */
export interface Epilogue {
  /** [n], added to every row; undefined: none. */
  readonly bias: Float32Array | undefined;
  readonly relu: boolean;
}

const SMALL_M = 4;
let liveRows = new Int32Array(0);

/**
 * C = alpha·op(A)·op(B) + beta·C (engine/kernels/gemm.ts says the contract), then the epilogue if
 * given; false when the WebAssembly kernels are not loaded.
 * Batch-1 inference (m ≤ 4, no transposes, C overwritten) copies in only the rows of B whose k index
 * is nonzero in some row of A (blank pixels, silent ReLUs), so the copy-in of B, which dominates at
 * this size (the whole weight matrix for one row of output), shrinks with the input's sparsity.
 */
export function gemmWasm(...call: [...Parameters<Gemm>, epilogue?: Epilogue]): boolean {
  const [transA, transB, m, n, k, alpha, a, aOffset, b, bOffset, beta, c, cOffset, epilogue] = call;
  const small = m <= SMALL_M && !transA && !transB && beta === 0;
  const kk = small ? findLiveRows(m, k, a, aOffset) : k; // the k the kernel sees
  const op = operands(WORK + 4 * kk, [m * kk, kk * n, m * n, n]);
  if (op === undefined) return false;
  if (m === 0 || n === 0) return true;
  const { kernels, f, at, work } = op;
  const [aPtr, bPtr, cPtr, biasPtr] = at;
  if (small) {
    const [a0, b0] = [aPtr >> 2, bPtr >> 2];
    for (let q = 0; q < kk; q++) {
      const p = liveRows[q];
      for (let i = 0; i < m; i++) f[a0 + i * kk + q] = a[aOffset + i * k + p];
      f.set(b.subarray(bOffset + p * n, bOffset + (p + 1) * n), b0 + q * n);
    }
    if (m === 1) kernels.gemv(kk, n, alpha, aPtr, bPtr, cPtr);
    else kernels.gemm(0, 0, m, n, kk, alpha, aPtr, bPtr, 0, cPtr, work);
  } else {
    copy('in', f, aPtr, a, m * k, aOffset);
    copy('in', f, bPtr, b, k * n, bOffset);
    if (beta !== 0) copy('in', f, cPtr, c, m * n, cOffset);
    kernels.gemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, aPtr, bPtr, beta, cPtr, work);
  }
  if (epilogue !== undefined) {
    if (epilogue.bias !== undefined) copy('in', f, biasPtr, epilogue.bias, n);
    else f.fill(0, biasPtr >> 2, (biasPtr >> 2) + n);
    kernels.bias_act(cPtr, biasPtr, m, n, epilogue.relu ? 1 : 0);
  }
  copy('out', f, cPtr, c, m * n, cOffset);
  return true;
}

/** Puts in liveRows the k indices where some row of A [m, k] is nonzero; returns how many. */
function findLiveRows(m: number, k: number, a: Float32Array, aOffset: number): number {
  if (liveRows.length < k) liveRows = new Int32Array(k);
  let live = 0;
  for (let p = 0; p < k; p++) {
    for (let i = 0; i < m; i++) {
      if (a[aOffset + i * k + p] !== 0) {
        liveRows[live++] = p;
        break;
      }
    }
  }
  return live;
}
