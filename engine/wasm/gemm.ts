// GEMM through the WebAssembly SIMD kernel: the operands are copied into the module's memory (one
// memcpy each: TypedArray.set), multiplied there, and C copied back. The copies cost O(m·k + k·n +
// m·n) against O(m·n·k) multiply-adds; measured in bench/kernel-bench.ts, they are a few percent of
// the Dense and convolution shapes. Layout of the memory, in bytes:
//   [0, WORK + 4·k)  work area of kernels.wat (packed A and B panels, edge tile, flags, live k)
//   then A, B, C, each 16-byte aligned (and the bias, when there is an epilogue).

import { align, floats, WORK_BYTES as WORK } from './memory';
import { type KernelExports, wasmKernels } from './runtime';

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

/** C = alpha·op(A)·op(B) + beta·C (engine/kernels/gemm.ts says the contract); false when the WebAssembly kernels are not loaded. */
export const gemmWasm: (...args: [...Parameters<Gemm>, epilogue?: Epilogue]) => boolean = (
  transA,
  transB,
  m,
  n,
  k,
  alpha,
  a,
  aOffset,
  b,
  bOffset,
  beta,
  c,
  cOffset,
  epilogue,
) => {
  const kernels = wasmKernels();
  if (kernels === undefined) return false;
  if (m === 0 || n === 0) return true;
  if (m <= SMALL_M && !transA && !transB && beta === 0) {
    smallM(kernels, m, n, k, alpha, a, aOffset, b, bOffset, c, cOffset, epilogue);
    return true;
  }
  const aPtr = align(WORK + 4 * k);
  const bPtr = align(aPtr + 4 * m * k);
  const cPtr = align(bPtr + 4 * k * n);
  const end = cPtr + 4 * m * n;
  const f = floats(kernels, align(end) + 4 * n);
  f.set(a.subarray(aOffset, aOffset + m * k), aPtr >> 2);
  f.set(b.subarray(bOffset, bOffset + k * n), bPtr >> 2);
  if (beta !== 0) f.set(c.subarray(cOffset, cOffset + m * n), cPtr >> 2);
  kernels.gemm(transA ? 1 : 0, transB ? 1 : 0, m, n, k, alpha, aPtr, bPtr, beta, cPtr, 0);
  if (epilogue !== undefined) applyEpilogue(kernels, f, cPtr, align(end), m, n, epilogue);
  c.set(f.subarray(cPtr >> 2, (cPtr >> 2) + m * n), cOffset);
  return true;
};

/** What runs on C in memory before it is copied out: the bias of each column, then ReLU if asked. */
export interface Epilogue {
  /** [n], added to every row; undefined: none. */
  readonly bias: Float32Array | undefined;
  readonly relu: boolean;
}

function applyEpilogue(
  kernels: KernelExports,
  f: Float32Array,
  cPtr: number,
  biasPtr: number,
  m: number,
  n: number,
  e: Epilogue,
): void {
  if (e.bias !== undefined) f.set(e.bias.subarray(0, n), biasPtr >> 2);
  else f.fill(0, biasPtr >> 2, (biasPtr >> 2) + n);
  kernels.bias_act(cPtr, biasPtr, m, n, e.relu ? 1 : 0);
}

const SMALL_M = 4;
let liveRows = new Int32Array(0);

/**
 * Batch-1 inference (m ≤ 4, C overwritten): copies only the rows of B whose k index is nonzero in
 * some row of A (blank pixels, silent ReLUs), so the copy-in of B, which dominates at this size (the
 * whole weight matrix for one row of output), shrinks with the input's sparsity.
 */
function smallM(
  kernels: KernelExports,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float32Array,
  aOffset: number,
  b: Float32Array,
  bOffset: number,
  c: Float32Array,
  cOffset: number,
  epilogue: Epilogue | undefined,
): void {
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
  const aPtr = align(WORK + 4 * live);
  const bPtr = align(aPtr + 4 * m * live);
  const cPtr = align(bPtr + 4 * live * n);
  const end = cPtr + 4 * m * n;
  const f = floats(kernels, align(end) + 4 * n);
  const a0 = aPtr >> 2;
  const b0 = bPtr >> 2;
  for (let q = 0; q < live; q++) {
    const p = liveRows[q];
    for (let i = 0; i < m; i++) f[a0 + i * live + q] = a[aOffset + i * k + p];
    f.set(b.subarray(bOffset + p * n, bOffset + (p + 1) * n), b0 + q * n);
  }
  if (m === 1) kernels.gemv(live, n, alpha, aPtr, bPtr, cPtr);
  else kernels.gemm(0, 0, m, n, live, alpha, aPtr, bPtr, 0, cPtr, 0);
  if (epilogue !== undefined) applyEpilogue(kernels, f, cPtr, align(end), m, n, epilogue);
  c.set(f.subarray(cPtr >> 2, (cPtr >> 2) + m * n), cOffset);
}
