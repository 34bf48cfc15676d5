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
  return inMemory(
    WORK_BYTES + 4 * rows,
    regions,
    (k, [geo, aPtr, xPtr, bPtr, cPtr, yPtr, biasPtr], f, work) => {
      writeGeometry(f, geo, g);
      k.im2col(xPtr, bPtr, batch, wide, geo);
      k.gemm(0, 0, filters, wide, rows, 1, aPtr, bPtr, 0, cPtr, work);
      k.conv_epilogue(cPtr, yPtr, batch, filters, size, bias === undefined ? -1 : biasPtr, relu ? 1 : 0);
    },
  );
};

/**
 * Conv2D's whole backward in one visit to WebAssembly memory: dY[batch, F, OH, OW] is copied in once
 * and reordered there to dWide[F, batch·OH·OW] (kernels.wat conv_output_gradient, which also sums the
 * bias gradient in the same pass), then dW[F, C·KH·KW] += dWide · im2col(x)ᵀ, and, when `dx` is
 * given, dx = col2im(Wᵀ · dWide), the columns' room reused for dCol. Before, the reorder and the bias
 * sums ran in JS and dWide was copied in twice. `biasGrad` undefined: no bias. False when the
 * WebAssembly kernels are not loaded.
 */
export function convBackwardWasm(
  w: Float32Array,
  filters: number,
  g: GeometryWords,
  batch: number,
  dy: Float32Array,
  x: Float32Array,
  dW: Float32Array,
  biasGrad: Float32Array | undefined,
  dx: Float32Array | undefined,
): boolean {
  const { inSize, rows, size, wide } = columnSizes(g, batch);
  const both = (data: Float32Array, n: number): Region => ({ data, n, copy: 'both', offset: 0 });
  const regions = [
    scratch(GEOMETRY_WORDS),
    input(dy, filters * wide),
    scratch(filters * wide),
    input(x, batch * inSize),
    scratch(rows * wide),
    both(dW, filters * rows),
    biasGrad === undefined ? scratch(filters) : both(biasGrad, filters),
    dx === undefined ? scratch(0) : input(w, filters * rows),
    dx === undefined ? scratch(0) : output(dx, batch * inSize),
  ];
  // the GEMM's work area holds 4·k bytes of live k indices: k = wide for dW, filters for dCol
  const start = WORK_BYTES + 4 * Math.max(wide, filters);
  return inMemory(
    start,
    regions,
    (k, [geo, dyPtr, widePtr, xPtr, colPtr, dWPtr, sumPtr, wPtr, dxPtr], f, work) => {
      writeGeometry(f, geo, g);
      k.conv_output_gradient(dyPtr, widePtr, batch, filters, size, biasGrad === undefined ? -1 : sumPtr);
      k.im2col(xPtr, colPtr, batch, wide, geo);
      k.gemm(0, 1, filters, rows, wide, 1, widePtr, colPtr, 1, dWPtr, work);
      if (dx === undefined) return;
      // dCol = Wᵀ · dWide (W stored [F, rows]: transA), into the columns' room
      k.gemm(1, 0, rows, wide, filters, 1, wPtr, widePtr, 0, colPtr, work);
      f.fill(0, dxPtr >> 2, (dxPtr >> 2) + batch * inSize);
      k.col2im(dxPtr, colPtr, batch, wide, geo);
    },
  );
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
