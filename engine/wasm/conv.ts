// GEMM whose B operand is the im2col matrix of a batch of images, built inside WebAssembly memory:
// the images are copied in (C·H·W floats each) instead of the columns (KH·KW times as many: 3.7 MB
// for M2's first layer), and no columns are kept in JS (Conv2D's backward rebuilds them the same way,
// cheaper than caching and copying them back in). Layout after the GEMM work area: geometry, A, x,
// B (the columns), C.

import { align, floats, GEOMETRY_BYTES, type GeometryWords, WORK_BYTES, writeGeometry } from './memory';
import { wasmKernels } from './runtime';

/** The sizes of a batch's im2col matrix [rows, wide]: rows = C·KH·KW, wide = batch·OH·OW (size = OH·OW per image). */
function columnSizes(g: GeometryWords, batch: number) {
  const [channels, height, width, kernelH, kernelW, , , , , outH, outW] = g;
  const size = outH * outW;
  return { inSize: channels * height * width, rows: channels * kernelH * kernelW, size, wide: batch * size };
}

/**
 * y[batch, F, OH, OW] = act(W ∗ x + bias) for Conv2D's forward, W [F, C·KH·KW], act = ReLU when `relu`;
 * false when the kernel cannot run (not loaded, or a geometry it does not take).
 */
export type ConvForwardWasm = (
  w: Float32Array,
  filters: number,
  g: GeometryWords,
  batch: number,
  x: Float32Array,
  bias: Float32Array | undefined,
  relu: boolean,
  y: Float32Array,
) => boolean;

/**
 * C = alpha · A · op(cols) + beta · C with cols[C·KH·KW, batch·OH·OW] = im2col of x[batch, C, H, W]:
 * forward (cols as B, [k, n]) or, with `transB`, the kernel gradient (colsᵀ, cols stored [n, k]).
 * Same contract as `gemm` otherwise; false when the WebAssembly kernels are not loaded.
 */
export function gemmIm2colWasm(
  transB: boolean,
  m: number,
  n: number,
  k: number,
  alpha: number,
  a: Float32Array,
  g: GeometryWords,
  batch: number,
  x: Float32Array,
  beta: number,
  c: Float32Array,
): boolean {
  const kernels = wasmKernels();
  if (kernels === undefined) return false;
  const { inSize, rows, wide } = columnSizes(g, batch);
  if (rows * wide !== k * n) throw new Error('gemmIm2colWasm: the columns do not match op(B)');
  const geo = align(WORK_BYTES + 4 * k);
  const aPtr = align(geo + GEOMETRY_BYTES);
  const xPtr = align(aPtr + 4 * m * k);
  const bPtr = align(xPtr + 4 * batch * inSize);
  const cPtr = align(bPtr + 4 * rows * wide);
  const f = floats(kernels, cPtr + 4 * m * n);
  writeGeometry(f, geo, g);
  f.set(a.subarray(0, m * k), aPtr >> 2);
  f.set(x.subarray(0, batch * inSize), xPtr >> 2);
  kernels.im2col(xPtr, bPtr, batch, wide, geo);
  if (beta !== 0) f.set(c.subarray(0, m * n), cPtr >> 2);
  kernels.gemm(0, transB ? 1 : 0, m, n, k, alpha, aPtr, bPtr, beta, cPtr, 0);
  c.set(f.subarray(cPtr >> 2, (cPtr >> 2) + m * n));
  return true;
}

/**
 * Conv2D's forward: y[batch, F, OH, OW] = act(W · im2col(x) + bias), the GEMM's [F, batch·OH·OW]
 * output reordered to NCHW with the bias and the ReLU that follows (when fused) applied in memory
 * (kernels.wat conv_epilogue), so only y is copied out. False when the WebAssembly kernels are not loaded.
 */
export const convForwardWasm: ConvForwardWasm = (w, filters, g, batch, x, bias, relu, y) => {
  const kernels = wasmKernels();
  if (kernels === undefined) return false;
  const { inSize, rows, size, wide } = columnSizes(g, batch);
  const geo = align(WORK_BYTES + 4 * rows);
  const aPtr = align(geo + GEOMETRY_BYTES);
  const xPtr = align(aPtr + 4 * filters * rows);
  const bPtr = align(xPtr + 4 * batch * inSize);
  const cPtr = align(bPtr + 4 * rows * wide);
  const yPtr = align(cPtr + 4 * filters * wide);
  const biasPtr = align(yPtr + 4 * filters * wide);
  const f = floats(kernels, biasPtr + 4 * filters);
  writeGeometry(f, geo, g);
  f.set(w.subarray(0, filters * rows), aPtr >> 2);
  f.set(x.subarray(0, batch * inSize), xPtr >> 2);
  if (bias !== undefined) f.set(bias.subarray(0, filters), biasPtr >> 2);
  kernels.im2col(xPtr, bPtr, batch, wide, geo);
  kernels.gemm(0, 0, filters, wide, rows, 1, aPtr, bPtr, 0, cPtr, 0);
  kernels.conv_epilogue(cPtr, yPtr, batch, filters, size, bias === undefined ? -1 : biasPtr, relu ? 1 : 0);
  y.set(f.subarray(yPtr >> 2, (yPtr >> 2) + filters * wide));
  return true;
};

/**
 * dx[batch, C, H, W] = col2im(Wᵀ · dY) for Conv2D's input gradient: dCol[C·KH·KW, batch·OH·OW] =
 * Wᵀ[C·KH·KW, F] · dWide[F, batch·OH·OW] is computed and scattered inside WebAssembly memory; only dx
 * (KH·KW times smaller than dCol) is copied out. False when the WebAssembly kernels are not loaded.
 */
export function gemmCol2imWasm(
  w: Float32Array,
  filters: number,
  dWide: Float32Array,
  g: GeometryWords,
  batch: number,
  dx: Float32Array,
): boolean {
  const kernels = wasmKernels();
  if (kernels === undefined) return false;
  const { inSize, rows, wide } = columnSizes(g, batch);
  const geo = align(WORK_BYTES + 4 * filters);
  const aPtr = align(geo + GEOMETRY_BYTES);
  const bPtr = align(aPtr + 4 * filters * rows);
  const cPtr = align(bPtr + 4 * filters * wide);
  const dxPtr = align(cPtr + 4 * rows * wide);
  const f = floats(kernels, dxPtr + 4 * batch * inSize);
  writeGeometry(f, geo, g);
  f.set(w.subarray(0, filters * rows), aPtr >> 2);
  f.set(dWide.subarray(0, filters * wide), bPtr >> 2);
  // dCol = Wᵀ · dWide (W stored [F, rows]: transA)
  kernels.gemm(1, 0, rows, wide, filters, 1, aPtr, bPtr, 0, cPtr, 0);
  f.fill(0, dxPtr >> 2, (dxPtr >> 2) + batch * inSize);
  kernels.col2im(dxPtr, cPtr, batch, wide, geo);
  dx.set(f.subarray(dxPtr >> 2, (dxPtr >> 2) + batch * inSize));
  return true;
}

/**
 * Conv2D's forward by direct convolution (kernels.wat conv_direct): y[batch, F, OH, OW] =
 * act(W ∗ x + bias), no columns. Only for stride 1 without padding, F % 8 == 0 and OW % 4 == 0;
 * returns false otherwise or when the WebAssembly kernels are not loaded.
 */
export const convDirectWasm: ConvForwardWasm = (w, filters, g, batch, x, bias, relu, y) => {
  const kernels = wasmKernels();
  if (kernels === undefined) return false;
  const [channels, height, width, kernelH, kernelW, strideH, strideW, padTop, padLeft, outH, outW] = g;
  if (
    strideH !== 1 ||
    strideW !== 1 ||
    padTop !== 0 ||
    padLeft !== 0 ||
    filters % 8 !== 0 ||
    outW % 4 !== 0
  ) {
    return false;
  }
  const taps = channels * kernelH * kernelW;
  const inSize = channels * height * width;
  const geo = 0;
  const w4 = align(GEOMETRY_BYTES);
  const b4 = align(w4 + 4 * filters * taps);
  const xPtr = b4 + 16 * filters;
  const yPtr = align(xPtr + 4 * batch * inSize + 16); // +16: the last row's unaligned loads read past x
  const f = floats(kernels, yPtr + 4 * batch * filters * outH * outW);
  writeGeometry(f, geo, g);
  // weights as [F/8][taps][8]: the kernel broadcast-loads the eight filters' weight of one tap
  const w8 = w4 >> 2;
  for (let group = 0; group < filters; group += 8) {
    for (let t = 0; t < taps; t++) {
      for (let j = 0; j < 8; j++) f[w8 + group * taps + t * 8 + j] = w[(group + j) * taps + t];
    }
  }
  for (let j = 0; j < filters; j++)
    f.fill(bias === undefined ? 0 : bias[j], (b4 >> 2) + 4 * j, (b4 >> 2) + 4 * j + 4);
  f.set(x.subarray(0, batch * inSize), xPtr >> 2);
  kernels.conv_direct(xPtr, w4, b4, yPtr, batch, filters, relu ? 1 : 0, geo);
  y.set(f.subarray(yPtr >> 2, (yPtr >> 2) + batch * filters * outH * outW));
  return true;
};
