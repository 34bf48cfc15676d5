// GEMM whose B operand is the im2col matrix of a batch of images, built inside WebAssembly memory:
// the images are copied in (C·H·W floats each) instead of the columns (KH·KW times as many: 3.7 MB
// for M2's first layer), and no columns are kept in JS (Conv2D's backward rebuilds them the same way,
// cheaper than caching and copying them back in). Layout after the GEMM work area: geometry, A, x,
// B (the columns), C.

import {
  GEOMETRY_WORDS,
  type GeometryWords,
  inMemory,
  input,
  output,
  type Region,
  scratch,
  WORK_BYTES,
  writeGeometry,
} from './memory';

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
  const { inSize, rows, wide } = columnSizes(g, batch);
  if (rows * wide !== k * n) throw new Error('gemmIm2colWasm: the columns do not match op(B)');
  const cIn: Region = beta === 0 ? output(c, m * n) : { ...output(c, m * n), copy: 'both' };
  const regions = [
    scratch(GEOMETRY_WORDS),
    input(a, m * k),
    input(x, batch * inSize),
    scratch(rows * wide),
    cIn,
  ];
  return inMemory(WORK_BYTES + 4 * k, regions, (kernels, [geo, aPtr, xPtr, bPtr, cPtr], f) => {
    writeGeometry(f, geo, g);
    kernels.im2col(xPtr, bPtr, batch, wide, geo);
    kernels.gemm(0, transB ? 1 : 0, m, n, k, alpha, aPtr, bPtr, beta, cPtr, 0);
  });
}

/**
 * Conv2D's forward: y[batch, F, OH, OW] = act(W · im2col(x) + bias), the GEMM's [F, batch·OH·OW]
 * output reordered to NCHW with the bias and the ReLU that follows (when fused) applied in memory
 * (kernels.wat conv_epilogue), so only y is copied out. False when the WebAssembly kernels are not loaded.
 */
export const convForwardWasm: ConvForwardWasm = (w, filters, g, batch, x, bias, relu, y) => {
  const { inSize, rows, size, wide } = columnSizes(g, batch);
  const regions = [
    scratch(GEOMETRY_WORDS),
    input(w, filters * rows),
    input(x, batch * inSize),
    scratch(rows * wide),
    scratch(filters * wide),
    output(y, filters * wide),
    bias === undefined ? scratch(filters) : input(bias, filters),
  ];
  return inMemory(WORK_BYTES + 4 * rows, regions, (k, [geo, aPtr, xPtr, bPtr, cPtr, yPtr, biasPtr], f) => {
    writeGeometry(f, geo, g);
    k.im2col(xPtr, bPtr, batch, wide, geo);
    k.gemm(0, 0, filters, wide, rows, 1, aPtr, bPtr, 0, cPtr, 0);
    k.conv_epilogue(cPtr, yPtr, batch, filters, size, bias === undefined ? -1 : biasPtr, relu ? 1 : 0);
  });
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
  const { inSize, rows, wide } = columnSizes(g, batch);
  const regions = [
    scratch(GEOMETRY_WORDS),
    input(w, filters * rows),
    input(dWide, filters * wide),
    scratch(rows * wide),
    output(dx, batch * inSize),
  ];
  return inMemory(WORK_BYTES + 4 * filters, regions, (k, [geo, aPtr, bPtr, cPtr, dxPtr], f) => {
    writeGeometry(f, geo, g);
    // dCol = Wᵀ · dWide (W stored [F, rows]: transA)
    k.gemm(1, 0, rows, wide, filters, 1, aPtr, bPtr, 0, cPtr, 0);
    f.fill(0, dxPtr >> 2, (dxPtr >> 2) + batch * inSize);
    k.col2im(dxPtr, cPtr, batch, wide, geo);
  });
}

/**
 * Conv2D's forward by direct convolution (kernels.wat conv_direct): y[batch, F, OH, OW] =
 * act(W ∗ x + bias), no columns. Only for stride 1 without padding, F % 4 == 0 and OW % 8 == 0;
 * returns false otherwise or when the WebAssembly kernels are not loaded.
 */
export const convDirectWasm: ConvForwardWasm = (w, filters, g, batch, x, bias, relu, y) => {
  const [channels, height, width, kernelH, kernelW, strideH, strideW, padTop, padLeft, outH, outW] = g;
  if (
    strideH !== 1 ||
    strideW !== 1 ||
    padTop !== 0 ||
    padLeft !== 0 ||
    filters % 4 !== 0 ||
    outW % 8 !== 0
  ) {
    return false;
  }
  const taps = channels * kernelH * kernelW;
  const inSize = channels * height * width;
  // the bias as [F] v128 (4 floats each); 4 floats past x: the last row's unaligned loads read past it
  const regions = [
    scratch(GEOMETRY_WORDS),
    scratch(filters * taps),
    scratch(4 * filters),
    input(x, batch * inSize),
    scratch(4),
    output(y, batch * filters * outH * outW),
  ];
  return inMemory(0, regions, (k, [geo, w4, b4, xPtr, , yPtr], f) => {
    writeGeometry(f, geo, g);
    // weights as [F/4][taps][4]: the kernel broadcast-loads the four filters' weight of one tap
    const w0 = w4 >> 2;
    for (let group = 0; group < filters; group += 4) {
      for (let t = 0; t < taps; t++) {
        for (let j = 0; j < 4; j++) f[w0 + group * taps + t * 4 + j] = w[(group + j) * taps + t];
      }
    }
    for (let j = 0; j < filters; j++)
      f.fill(bias === undefined ? 0 : bias[j], (b4 >> 2) + 4 * j, (b4 >> 2) + 4 * j + 4);
    k.conv_direct(xPtr, w4, b4, yPtr, batch, filters, relu ? 1 : 0, geo);
  });
};
