// Convolution as GEMM over im2col columns, for a whole batch at once: cols[C·KH·KW, B·OH·OW] holds
// every sample's receptive fields side by side, so out[F, B·OH·OW] = W[F, C·KH·KW] · cols is one
// GEMM (a large n keeps the micro-kernel busy; one GEMM per sample spent its time packing W).
// With WebAssembly the columns are built inside its memory for each GEMM that needs them (forward,
// kernel gradient; engine/wasm/conv.ts): copying the images in and rebuilding costs less than copying
// KH·KW times as many floats. The TypeScript path (fallback) keeps the forward's columns for the
// kernel gradient instead, in the layer's `ConvWorkspace`.

import { convBackwardWasm, convDirectWasm, convForwardWasm } from '../wasm/conv';
import type { GeometryWords } from '../wasm/memory';
import { addChannelVector, relu as reluInPlace, sumChannelsInto } from './elementwise';
import { gemm } from './gemm';
import { type ConvGeometry, col2im, im2col } from './im2col';

/** What a convolution keeps between its forward and backward on the TypeScript path. */
export class ConvWorkspace {
  /** [C·KH·KW, B·OH·OW] columns built in TypeScript. */
  cols = new Float32Array(0);
  /** The input whose columns `cols` holds, when the forward built them in TypeScript. */
  colsOf: Float32Array | undefined;
  /** [C·KH·KW, B·OH·OW] input-gradient columns. */
  dCol = new Float32Array(0);
  /** [F, B·OH·OW]: the forward GEMM's output before it is reordered to NCHW; in backward, dY so ordered. */
  wide = new Float32Array(0);
}

const sizes = (g: ConvGeometry, batch: number) => ({
  rows: g.channels * g.kernelH * g.kernelW,
  wide: batch * g.outH * g.outW,
  outSize: g.outH * g.outW,
  inSize: g.channels * g.height * g.width,
});

/** Longest k (C·KH·KW) for which the forward convolves directly (see convForward). */
const DIRECT_MAX_K = 200;

const gemmK = (g: ConvGeometry) => g.channels * g.kernelH * g.kernelW;

const words = (g: ConvGeometry): GeometryWords => [
  g.channels,
  g.height,
  g.width,
  g.kernelH,
  g.kernelW,
  g.strideH,
  g.strideW,
  g.padTop,
  g.padLeft,
  g.outH,
  g.outW,
];

/**
 * y[B, F, OH, OW] = act(W[F, C·KH·KW] · im2col(x[B, C, H, W]) + bias[F]), act = ReLU when `relu`
 * (the layer that follows, fused) else identity; no bias when `bias` is undefined. With WebAssembly
 * the bias, the ReLU and the reordering to NCHW run on the GEMM's output in its memory (one pass).
 */
export function convForward(
  g: ConvGeometry,
  batch: number,
  filters: number,
  w: Float32Array,
  bias: Float32Array | undefined,
  relu: boolean,
  x: Float32Array,
  y: Float32Array,
  work: ConvWorkspace,
): void {
  // direct convolution where the GEMM's k is short: im2col + GEMM then spends more on packing columns
  // than on multiplying. Measured on M2's layers, direct ÷ im2col + GEMM time (batch 64 / batch 1),
  // since the direct kernel's 4×8 tile (2026-12-05, load ~10): k = 25, 0.15–0.35 / 0.6; k = 200,
  // 0.25–0.45 / 0.85–1.0. Larger k (the cnn preset's second layer, 300) was not measured and stays on
  // im2col. Same sums in the same order as the GEMM path, so the same results bit for bit.
  const short = gemmK(g) <= DIRECT_MAX_K;
  if (
    (short && convDirectWasm(w, filters, words(g), batch, x, bias, relu, y)) ||
    convForwardWasm(w, filters, words(g), batch, x, bias, relu, y)
  ) {
    work.colsOf = undefined;
    return;
  }
  const { rows, wide, outSize } = sizes(g, batch);
  const cols = columns(g, batch, x, work);
  work.colsOf = x;
  if (work.wide.length !== filters * wide) work.wide = new Float32Array(filters * wide);
  gemm(false, false, filters, wide, rows, 1, w, 0, cols, 0, 0, work.wide, 0);
  transposeBlocks(work.wide, y, filters, batch, outSize); // [F, B·S] → [B, F, S]
  if (bias !== undefined) addChannelVector(y, batch, filters, outSize, bias);
  if (relu) reluInPlace(y, y);
}

/**
 * Conv2D's backward from dY[B, F, OH, OW]: dW[F, C·KH·KW] += dY · im2col(x)ᵀ (dY ordered [F, B·OH·OW]),
 * biasGrad[F] += Σ over batch and positions of dY (skipped when undefined), and when `dx` is given,
 * dx[B, C, H, W] = col2im(Wᵀ · dY). With WebAssembly all of it runs in one visit to its memory (dY
 * copied in once; engine/wasm/conv.ts).
 */
export function convBackward(
  g: ConvGeometry,
  batch: number,
  filters: number,
  w: Float32Array,
  dy: Float32Array,
  x: Float32Array,
  dW: Float32Array,
  biasGrad: Float32Array | undefined,
  dx: Float32Array | undefined,
  work: ConvWorkspace,
): void {
  if (work.colsOf !== x && convBackwardWasm(w, filters, words(g), batch, dy, x, dW, biasGrad, dx)) return;
  const { rows, wide, outSize, inSize } = sizes(g, batch);
  if (work.wide.length !== filters * wide) work.wide = new Float32Array(filters * wide);
  const dWide = work.wide;
  transposeBlocks(dy, dWide, batch, filters, outSize); // [B, F, S] → [F, B·S]
  const cols = work.colsOf === x ? work.cols : columns(g, batch, x, work);
  gemm(false, true, filters, rows, wide, 1, dWide, 0, cols, 0, 1, dW, 0);
  if (biasGrad !== undefined) sumChannelsInto(dy, batch, filters, outSize, biasGrad);
  if (dx === undefined) return;
  if (work.dCol.length < rows * wide) work.dCol = new Float32Array(rows * wide);
  gemm(true, false, rows, wide, filters, 1, w, 0, dWide, 0, 0, work.dCol, 0);
  dx.fill(0, 0, batch * inSize); // col2im accumulates
  for (let b = 0; b < batch; b++) col2im(g, work.dCol, b * outSize, dx, b * inSize, wide);
}

/** cols[C·KH·KW, B·OH·OW] of x in TypeScript, in the workspace's reused buffer. */
function columns(g: ConvGeometry, batch: number, x: Float32Array, work: ConvWorkspace): Float32Array {
  const { rows, wide, outSize, inSize } = sizes(g, batch);
  if (work.cols.length !== rows * wide) work.cols = new Float32Array(rows * wide);
  for (let b = 0; b < batch; b++) im2col(g, x, b * inSize, work.cols, b * outSize, wide);
  return work.cols;
}

/**
 * dst[c, r] ← src[r, c] over a [rows, cols] grid of `size`-float blocks (one memcpy each). The GEMM's
 * layout wide[F, B·S] and NCHW y[B, F, S] are the two orders of the filter × sample grid of planes.
 */
export function transposeBlocks(
  src: Float32Array,
  dst: Float32Array,
  rows: number,
  cols: number,
  size: number,
): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const from = (r * cols + c) * size;
      dst.set(src.subarray(from, from + size), (c * rows + r) * size);
    }
  }
}
