// GEMM on Float32Array: C = alpha·op(A)·op(B) + beta·C, row-major, with the transposes backprop needs
// (Dense forward A·B, input gradient A·Bᵀ, weight gradient Aᵀ·B). Goto/BLIS structure: blocks of
// KC×NC of B and MC×KC of A are packed into contiguous panels (MR rows / NR columns interleaved along
// k), then a 4×8 register-tiled micro-kernel runs over the panels.
//
// Trade-offs, measured with the 784-256-128-10 MLP shapes (see engine/README.md for figures):
// - Packing copies each block once per use but turns every inner-loop load into a unit stride read
//   and absorbs the transposes, so one micro-kernel serves all four cases.
// - 4×8 = 32 accumulators held in locals: V8 keeps them in float64 registers (spilling some on x64's
//   16 xmm registers, none on arm64's 32), each loaded a/b value is reused 8/4 times. On x64 4×4
//   measured the same on the MLP shapes and 10–20% slower on the convolution shapes; scalar JS tops
//   out near 2 flops/cycle (no FMA, no SIMD), which this kernel reaches (~6 GFLOP/s at 3 GHz).
// - Zero skipping, because handwriting is mostly blank paper: k indices where the whole of op(A)'s
//   column is zero (pixels blank across the batch: ~40% of MNIST's 784) are dropped while packing,
//   and A panels that are entirely zero skip their micro-kernels (the same pixels in the weight
//   gradient xᵀ·dY). The scan costs m·k reads against m·n·k multiply-adds; dense data pays only that.
//   NOTE: a skipped 0 times a NaN in B gives 0 here, not NaN as IEEE would; NaN weights are caught
//   where they arise (the trainer's finite-loss check) and where they are loaded (serialize).
// - Accumulation happens in float64 (JS numbers), rounded to float32 once per store: more accurate
//   than float32 BLAS, at no cost since JS arithmetic is double anyway.
// - Tiny M (batch-1 inference) skips packing: a row-times-matrix loop is faster there.
// The pack buffers are module-level scratch, grown on demand and reused: no allocation per call.

import { type Gemm, gemmWasm } from '../wasm/gemm';

const MR = 4;
const NR = 8;
const KC = 256;
const MC = 64;
const NC = 512;

let packA = new Float32Array(MC * KC);
let packB = new Float32Array(KC * NC);
let zeroPanel = new Uint8Array(MC / MR); // 1 where a packed A panel is all zeros
let liveK = new Int32Array(KC); // the k indices that are not zero in all of op(A)
const edge = new Float64Array(MR * NR);

/**
 * C[m×n] = alpha · op(A)[m×k] · op(B)[k×n] + beta · C, all row-major and contiguous.
 * op(A) = A stored [m, k], or Aᵀ with A stored [k, m] when `transA`; likewise B stored [k, n] or
 * [n, k] when `transB`. Offsets address sub-arrays (one sample of a batch) without copying.
 * beta = 0 overwrites C (NaN in C does not leak); beta = 1 accumulates (gradients).
 * Runs the WebAssembly SIMD kernel (engine/wasm) when it is loaded, else `gemmTs`.
 */
export const gemm: Gemm = (transA, transB, m, n, k, alpha, a, aOffset, b, bOffset, beta, c, cOffset) => {
  if (gemmWasm(transA, transB, m, n, k, alpha, a, aOffset, b, bOffset, beta, c, cOffset)) return;
  gemmTs(transA, transB, m, n, k, alpha, a, aOffset, b, bOffset, beta, c, cOffset);
};

/**
 * C[m×n] = act(A[m×k] · B[k×n] + bias[n] on every row), act = max(·, 0) when `relu` else identity,
 * no bias when `bias` is undefined: Dense's forward with its bias and the ReLU that follows fused
 * into the GEMM's epilogue (with WebAssembly: on C in its memory, before the one copy out).
 */
export function gemmBiasAct(
  m: number,
  n: number,
  k: number,
  a: Float32Array,
  b: Float32Array,
  bias: Float32Array | undefined,
  relu: boolean,
  c: Float32Array,
): void {
  if (gemmWasm(false, false, m, n, k, 1, a, 0, b, 0, 0, c, 0, { bias, relu })) return;
  gemmTs(false, false, m, n, k, 1, a, 0, b, 0, 0, c, 0);
  for (let r = 0, o = 0; r < m; r++) {
    for (let j = 0; j < n; j++, o++) {
      const v = bias === undefined ? c[o] : c[o] + bias[j];
      c[o] = relu ? Math.max(v, 0) : v; // Math.max: NaN propagates, as in the ReLU layer
    }
  }
}

/** `gemm` in pure TypeScript: the fallback where WebAssembly SIMD is missing, and the reference. */
export const gemmTs: Gemm = (transA, transB, m, n, k, alpha, a, aOffset, b, bOffset, beta, c, cOffset) => {
  if (m === 0 || n === 0) return;
  scale(c, cOffset, m * n, beta);
  if (k === 0 || alpha === 0) return;
  if (m < MR && !transA) {
    gemmSmallM(transA, transB, m, n, k, alpha, a, aOffset, b, bOffset, beta, c, cOffset);
    return;
  }
  const live = findLiveK(transA, m, k, a, aOffset);
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < live; pc += KC) {
      const kc = Math.min(KC, live - pc);
      packPanelsB(transB, k, n, b, bOffset, pc, kc, jc, nc);
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packPanelsA(transA, m, k, a, aOffset, ic, mc, pc, kc);
        for (let jr = 0; jr < nc; jr += NR) {
          const cols = Math.min(NR, nc - jr);
          const bIndex = (jr / NR) * kc * NR;
          for (let ir = 0; ir < mc; ir += MR) {
            if (zeroPanel[ir / MR] === 1) continue;
            const rows = Math.min(MR, mc - ir);
            const aIndex = (ir / MR) * kc * MR;
            const cIndex = cOffset + (ic + ir) * n + jc + jr;
            microKernel(kc, aIndex, bIndex, c, cIndex, n, rows, cols, alpha);
          }
        }
      }
    }
  }
};

/** Fills liveK with the k indices where op(A) has a nonzero in some row; returns how many. */
function findLiveK(transA: boolean, m: number, k: number, a: Float32Array, aOffset: number): number {
  if (liveK.length < k) liveK = new Int32Array(k);
  const ks = liveK;
  let live = 0;
  if (transA) {
    // A stored [k, m]: index p is row p, contiguous
    for (let p = 0; p < k; p++) {
      const row = aOffset + p * m;
      for (let i = 0; i < m; i++) {
        if (a[row + i] !== 0) {
          ks[live++] = p;
          break;
        }
      }
    }
    return live;
  }
  // A stored [m, k]: mark column by column while walking rows (unit stride), then compact
  ks.fill(0, 0, k);
  for (let i = 0; i < m; i++) {
    const row = aOffset + i * k;
    for (let p = 0; p < k; p++) if (a[row + p] !== 0) ks[p] = 1;
  }
  for (let p = 0; p < k; p++) if (ks[p] === 1) ks[live++] = p;
  return live;
}

function scale(c: Float32Array, offset: number, length: number, beta: number): void {
  if (beta === 1) return;
  if (beta === 0) c.fill(0, offset, offset + length);
  else for (let i = offset; i < offset + length; i++) c[i] *= beta;
}

/**
 * packA[(panel·kc + p)·MR + r] = op(A)[ic + panel·MR + r, liveK[pc + p]], zero-padded past the last
 * row; zeroPanel[panel] = 1 when the panel holds only zeros.
 */
function packPanelsA(
  transA: boolean,
  m: number,
  k: number,
  a: Float32Array,
  aOffset: number,
  ic: number,
  mc: number,
  pc: number,
  kc: number,
): void {
  const panels = Math.ceil(mc / MR);
  if (packA.length < panels * MR * kc) packA = new Float32Array(panels * MR * kc);
  if (zeroPanel.length < panels) zeroPanel = new Uint8Array(panels);
  const pa = packA;
  const ks = liveK;
  for (let panel = 0; panel < panels; panel++) {
    const base = panel * kc * MR;
    const i0 = ic + panel * MR;
    const rows = Math.min(MR, ic + mc - i0);
    let any = false;
    if (transA) {
      // A stored [k, m]: the panel's rows are contiguous within each row p of A
      for (let p = 0; p < kc; p++) {
        const src = aOffset + ks[pc + p] * m + i0;
        const dst = base + p * MR;
        for (let r = 0; r < MR; r++) {
          const v = r < rows ? a[src + r] : 0;
          pa[dst + r] = v;
          any ||= v !== 0;
        }
      }
    } else {
      for (let r = 0; r < MR; r++) {
        if (r >= rows) {
          for (let p = 0; p < kc; p++) pa[base + p * MR + r] = 0;
          continue;
        }
        const src = aOffset + (i0 + r) * k;
        for (let p = 0; p < kc; p++) {
          const v = a[src + ks[pc + p]];
          pa[base + p * MR + r] = v;
          any ||= v !== 0;
        }
      }
    }
    zeroPanel[panel] = any ? 0 : 1;
  }
}

/**
 * packB[(panel·kc + p)·NR + q] = op(B)[liveK[pc + p], jc + panel·NR + q], zero-padded past the last
 * column. Written apart from packPanelsA, though its loops have the same shape: B packs NR columns
 * with no zero-panel flags, A packs MR rows and flags blank panels; one generic packer would read MR or
 * NR and the flag branch from arguments inside the loops every GEMM runs.
 */
function packPanelsB(
  transB: boolean,
  k: number,
  n: number,
  b: Float32Array,
  bOffset: number,
  pc: number,
  kc: number,
  jc: number,
  nc: number,
): void {
  const panels = Math.ceil(nc / NR);
  if (packB.length < panels * NR * kc) packB = new Float32Array(panels * NR * kc);
  const pb = packB;
  const ks = liveK;
  for (let panel = 0; panel < panels; panel++) {
    const base = panel * kc * NR;
    const j0 = jc + panel * NR;
    const cols = Math.min(NR, jc + nc - j0);
    if (!transB && cols === NR) {
      // the common case: 8 contiguous floats per row of B
      for (let p = 0, dst = base; p < kc; p++, dst += NR) {
        const src = bOffset + ks[pc + p] * n + j0;
        pb[dst] = b[src];
        pb[dst + 1] = b[src + 1];
        pb[dst + 2] = b[src + 2];
        pb[dst + 3] = b[src + 3];
        pb[dst + 4] = b[src + 4];
        pb[dst + 5] = b[src + 5];
        pb[dst + 6] = b[src + 6];
        pb[dst + 7] = b[src + 7];
      }
      continue;
    }
    for (let q = 0; q < NR; q++) {
      const j = j0 + q;
      if (q >= cols) {
        for (let p = 0; p < kc; p++) pb[base + p * NR + q] = 0;
      } else if (transB) {
        // B stored [n, k]: row j is contiguous along k
        const src = bOffset + j * k;
        for (let p = 0; p < kc; p++) pb[base + p * NR + q] = b[src + ks[pc + p]];
      } else {
        const src = bOffset + j;
        for (let p = 0; p < kc; p++) pb[base + p * NR + q] = b[src + ks[pc + p] * n];
      }
    }
  }
}

/** C[rows×cols tile] += alpha · (packed A panel) · (packed B panel), 4×8 accumulators in registers. */
// biome-ignore format: the 4×8 accumulator grid reads best as a grid
function microKernel(
  kc: number,
  aIndex: number,
  bIndex: number,
  c: Float32Array,
  cIndex: number,
  ldc: number,
  rows: number,
  cols: number,
  alpha: number,
): void {
  const pa = packA;
  const pb = packB;
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0, c04 = 0, c05 = 0, c06 = 0, c07 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0, c14 = 0, c15 = 0, c16 = 0, c17 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0, c24 = 0, c25 = 0, c26 = 0, c27 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0, c34 = 0, c35 = 0, c36 = 0, c37 = 0;
  let ai = aIndex;
  let bi = bIndex;
  for (let p = 0; p < kc; p++, ai += MR, bi += NR) {
    const a0 = pa[ai];
    const a1 = pa[ai + 1];
    const a2 = pa[ai + 2];
    const a3 = pa[ai + 3];
    const b0 = pb[bi];
    const b1 = pb[bi + 1];
    const b2 = pb[bi + 2];
    const b3 = pb[bi + 3];
    const b4 = pb[bi + 4];
    const b5 = pb[bi + 5];
    const b6 = pb[bi + 6];
    const b7 = pb[bi + 7];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c04 += a0 * b4; c05 += a0 * b5; c06 += a0 * b6; c07 += a0 * b7;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c14 += a1 * b4; c15 += a1 * b5; c16 += a1 * b6; c17 += a1 * b7;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c24 += a2 * b4; c25 += a2 * b5; c26 += a2 * b6; c27 += a2 * b7;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    c34 += a3 * b4; c35 += a3 * b5; c36 += a3 * b6; c37 += a3 * b7;
  }
  if (rows === MR && cols === NR) {
    let i = cIndex;
    c[i] += alpha * c00; c[i + 1] += alpha * c01; c[i + 2] += alpha * c02; c[i + 3] += alpha * c03;
    c[i + 4] += alpha * c04; c[i + 5] += alpha * c05; c[i + 6] += alpha * c06; c[i + 7] += alpha * c07;
    i += ldc;
    c[i] += alpha * c10; c[i + 1] += alpha * c11; c[i + 2] += alpha * c12; c[i + 3] += alpha * c13;
    c[i + 4] += alpha * c14; c[i + 5] += alpha * c15; c[i + 6] += alpha * c16; c[i + 7] += alpha * c17;
    i += ldc;
    c[i] += alpha * c20; c[i + 1] += alpha * c21; c[i + 2] += alpha * c22; c[i + 3] += alpha * c23;
    c[i + 4] += alpha * c24; c[i + 5] += alpha * c25; c[i + 6] += alpha * c26; c[i + 7] += alpha * c27;
    i += ldc;
    c[i] += alpha * c30; c[i + 1] += alpha * c31; c[i + 2] += alpha * c32; c[i + 3] += alpha * c33;
    c[i + 4] += alpha * c34; c[i + 5] += alpha * c35; c[i + 6] += alpha * c36; c[i + 7] += alpha * c37;
    return;
  }
  // edge tile: spill to scratch and store only the valid part (rare: the right and bottom borders)
  const e = edge;
  e[0] = c00; e[1] = c01; e[2] = c02; e[3] = c03; e[4] = c04; e[5] = c05; e[6] = c06; e[7] = c07;
  e[8] = c10; e[9] = c11; e[10] = c12; e[11] = c13; e[12] = c14; e[13] = c15; e[14] = c16; e[15] = c17;
  e[16] = c20; e[17] = c21; e[18] = c22; e[19] = c23; e[20] = c24; e[21] = c25; e[22] = c26; e[23] = c27;
  e[24] = c30; e[25] = c31; e[26] = c32; e[27] = c33; e[28] = c34; e[29] = c35; e[30] = c36; e[31] = c37;
  for (let r = 0; r < rows; r++) {
    const row = cIndex + r * ldc;
    for (let q = 0; q < cols; q++) c[row + q] += alpha * e[r * NR + q];
  }
}

/**
 * m < 4, A not transposed (batch-1 inference): row × matrix without packing. C has been scaled by
 * beta already (gemmTs did), so transA and beta are not read.
 */
const gemmSmallM: Gemm = (_transA, transB, m, n, k, alpha, a, aOffset, b, bOffset, _beta, c, cOffset) => {
  for (let i = 0; i < m; i++) {
    const aRow = aOffset + i * k;
    const cRow = cOffset + i * n;
    if (transB) {
      // B stored [n, k]: one dot product per output
      for (let j = 0; j < n; j++) {
        const bRow = bOffset + j * k;
        let sum = 0;
        for (let p = 0; p < k; p++) sum += a[aRow + p] * b[bRow + p];
        c[cRow + j] += alpha * sum;
      }
    } else {
      // axpy over rows of B: unit stride in both B and C
      for (let p = 0; p < k; p++) {
        const s = alpha * a[aRow + p];
        if (s === 0) continue; // sparse inputs (blank pixels, dead ReLUs) skip a whole row
        const bRow = bOffset + p * n;
        for (let j = 0; j < n; j++) c[cRow + j] += s * b[bRow + j];
      }
    }
  }
};

/** The textbook triple loop, the reference the tests and the benchmark compare against. */
export const gemmNaive: Gemm = (transA, transB, m, n, k, alpha, a, aOffset, b, bOffset, beta, c, cOffset) => {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let sum = 0;
      for (let p = 0; p < k; p++) {
        const av = transA ? a[aOffset + p * m + i] : a[aOffset + i * k + p];
        const bv = transB ? b[bOffset + j * k + p] : b[bOffset + p * n + j];
        sum += av * bv;
      }
      const ci = cOffset + i * n + j;
      c[ci] = alpha * sum + (beta === 0 ? 0 : beta * c[ci]);
    }
  }
};
