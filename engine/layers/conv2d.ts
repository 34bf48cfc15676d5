// 2-D convolution on NCHW input through im2col + GEMM: col[C·KH·KW, B·OH·OW] holds the receptive
// fields of the whole batch and out[F, B·OH·OW] = W[F, C·KH·KW] · col is one GEMM, reordered to
// [B, F, OH, OW]. Kernel layout [F, C, KH, KW] (PyTorch, ONNX Conv). With WebAssembly the columns are
// built inside its memory for each GEMM that needs them (forward, kernel gradient): copying the images
// in and rebuilding costs less than copying KH·KW times as many floats back in. The TypeScript path
// keeps the forward's columns for the kernel gradient instead.

import { INITIALIZERS, type Initializer, initialize } from '../init';
import {
  addChannelVector,
  type ConvGeometry,
  col2im,
  convAxis,
  gemm,
  im2col,
  type Padding,
  sumChannelsInto,
} from '../kernels';
import type { BackwardOptions, ForwardOptions, Layer, LayerShapes, LayerSpec } from '../layer';
import { numberOption, oneOfOption } from '../registry';
import type { Rng } from '../rng';
import { type Param, param, type Tensor } from '../tensor';
import { gemmCol2imWasm, gemmIm2colWasm } from '../wasm/conv';
import { batchOf, built, reuse, skipped } from './scratch';

export interface Conv2DOptions {
  /** Output channels F. */
  readonly filters: number;
  /** Square kernel size, or [height, width]. */
  readonly kernelSize: number | readonly [number, number];
  readonly strides: number | readonly [number, number];
  /** 'same' (out = ceil(in / stride)), 'valid' (no padding), or zeros on each side. */
  readonly padding: Padding;
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer;
}

export const CONV2D_DEFAULTS: Omit<Conv2DOptions, 'filters' | 'kernelSize'> = {
  strides: 1,
  padding: 'valid',
  useBias: true,
  kernelInitializer: 'heNormal',
};

function pair(type: string, key: string, value: unknown): [number, number] {
  const v = typeof value === 'number' ? [value, value] : value;
  if (!Array.isArray(v) || v.length !== 2 || !v.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new Error(`${type}: ${key} must be a positive integer or [h, w], got ${JSON.stringify(value)}`);
  }
  return [v[0], v[1]];
}

function paddingOption(value: unknown): Padding {
  if (value === undefined) return CONV2D_DEFAULTS.padding;
  if (value === 'same' || value === 'valid' || (Number.isInteger(value) && (value as number) >= 0)) {
    return value as Padding;
  }
  throw new Error(
    `conv2d: padding must be 'same', 'valid' or a non-negative integer, got ${JSON.stringify(value)}`,
  );
}

export class Conv2D implements Layer {
  readonly type = 'conv2d';
  readonly options: Conv2DOptions;
  kernel!: Param; // [F, C, KH, KW]
  bias!: Param; // [F]
  private inputShape?: readonly number[];
  private geometry?: ConvGeometry;
  private input?: Tensor;
  private cols?: Tensor; // [C·KH·KW, B·OH·OW], the TypeScript path's columns
  private colsOf?: Tensor; // this forward's columns when they were built in TypeScript (kept for backward)
  private wide?: Tensor; // [F, B·OH·OW]: the GEMM's output in forward, dY in that layout in backward
  private output?: Tensor;
  private dCol?: Tensor; // [C·KH·KW, B·OH·OW]
  private dInput?: Tensor;

  constructor(
    options: Partial<Conv2DOptions> & { filters: number; kernelSize: number | readonly [number, number] },
  ) {
    this.options = { ...CONV2D_DEFAULTS, ...options };
    pair('conv2d', 'kernelSize', this.options.kernelSize);
    pair('conv2d', 'strides', this.options.strides);
    paddingOption(this.options.padding);
    if (!Number.isInteger(this.options.filters) || this.options.filters < 1) {
      throw new Error(`conv2d: filters must be a positive integer, got ${this.options.filters}`);
    }
  }

  static fromJSON(config: Readonly<Record<string, unknown>>): Conv2D {
    return new Conv2D({
      filters: numberOption('conv2d', config, 'filters', Number.NaN),
      kernelSize: pair('conv2d', 'kernelSize', config.kernelSize),
      strides: pair('conv2d', 'strides', config.strides ?? CONV2D_DEFAULTS.strides),
      padding: paddingOption(config.padding),
      useBias: config.useBias === undefined ? CONV2D_DEFAULTS.useBias : config.useBias === true,
      kernelInitializer: oneOfOption('conv2d', config, 'kernelInitializer', INITIALIZERS, 'heNormal'),
    });
  }

  /** Where the kernel runs over an input [C, H, W]: the one formula of this layer's shapes. */
  private geometryOf(inputShape: readonly number[]): ConvGeometry {
    if (inputShape.length !== 3) {
      throw new Error(`conv2d: expects NCHW input [batch, C, H, W], got [batch, ${inputShape.join(', ')}]`);
    }
    const [channels, height, width] = inputShape;
    const [kernelH, kernelW] = pair(this.type, 'kernelSize', this.options.kernelSize);
    const [strideH, strideW] = pair(this.type, 'strides', this.options.strides);
    const y = convAxis(height, kernelH, strideH, this.options.padding);
    const x = convAxis(width, kernelW, strideW, this.options.padding);
    return {
      channels,
      height,
      width,
      kernelH,
      kernelW,
      strideH,
      strideW,
      padTop: y.padBefore,
      padLeft: x.padBefore,
      outH: y.out,
      outW: x.out,
    };
  }

  shapes(inputShape: readonly number[]): LayerShapes {
    const g = this.geometryOf(inputShape);
    const { filters, useBias } = this.options;
    const kernel = { name: 'kernel', shape: [filters, g.channels, g.kernelH, g.kernelW] };
    return {
      output: [filters, g.outH, g.outW],
      params: useBias ? [kernel, { name: 'bias', shape: [filters] }] : [kernel],
      state: [],
      workspace: g.channels * g.kernelH * g.kernelW * g.outH * g.outW, // the im2col columns [C·KH·KW, OH·OW]
    };
  }

  build(inputShape: readonly number[], rng: Rng): readonly number[] {
    const g = (this.geometry = this.geometryOf(inputShape));
    const { output, params } = this.shapes(inputShape);
    const { filters } = this.options;
    this.inputShape = [...inputShape];
    this.kernel = param('kernel', params[0].shape, true); // [F, C, KH, KW]
    this.bias = param('bias', [filters], false); // kept without useBias too: forward and backward skip it
    const area = g.kernelH * g.kernelW;
    initialize(
      this.options.kernelInitializer,
      this.kernel.value.data,
      g.channels * area,
      filters * area,
      rng,
    );
    return output;
  }

  forward(x: Tensor, _options: ForwardOptions): Tensor {
    const batch = batchOf(this.type, x, built(this.type, this.inputShape));
    const g = this.geometry!;
    const { filters } = this.options;
    const rows = g.channels * g.kernelH * g.kernelW;
    const outSize = g.outH * g.outW;
    const wide = batch * outSize;
    const yWide = (this.wide = reuse(this.wide, [filters, wide]));
    const y = (this.output = reuse(this.output, [batch, filters, g.outH, g.outW]));
    const w = this.kernel.value.data;
    // cols[C·KH·KW, B·OH·OW]: every sample's receptive fields side by side, so the whole batch is
    // one GEMM (large n keeps the micro-kernel busy; one GEMM per sample spent its time packing W).
    // yWide[F, B·OH·OW] = W[F, C·KH·KW] · cols. With WebAssembly the columns are built inside its
    // memory from x (engine/wasm/conv.ts) and rebuilt in backward: no 3.7 MB round trip, no cache.
    this.colsOf = gemmIm2colWasm(false, filters, wide, rows, 1, w, g, batch, x.data, 0, yWide.data)
      ? undefined
      : this.im2colTs(x, batch);
    if (this.colsOf !== undefined) {
      gemm(false, false, filters, wide, rows, 1, w, 0, this.colsOf.data, 0, 0, yWide.data, 0);
    }
    fromWide(yWide.data, y.data, batch, filters, outSize);
    if (this.options.useBias) addChannelVector(y.data, batch, filters, outSize, this.bias.value.data);
    this.input = x;
    return y;
  }

  backward(dOut: Tensor, options: BackwardOptions = {}): Tensor {
    const x = this.input;
    const dWide = this.wide;
    if (x === undefined || dWide === undefined) {
      throw new Error('conv2d: backward() before forward()');
    }
    const g = this.geometry!;
    const batch = x.shape[0];
    const { filters } = this.options;
    const rows = g.channels * g.kernelH * g.kernelW;
    const outSize = g.outH * g.outW;
    const inSize = g.channels * g.height * g.width;
    const wide = batch * outSize;
    // dWide[F, B·OH·OW] ← dY[B, F, OH·OW] (the forward's wide buffer is free again)
    toWide(dOut.data, dWide.data, batch, filters, outSize);
    // dW[F, C·KH·KW] += dWide · colsᵀ (the columns rebuilt in WebAssembly memory, or forward's)
    const dW = this.kernel.grad.data;
    if (
      this.colsOf !== undefined ||
      !gemmIm2colWasm(true, filters, rows, wide, 1, dWide.data, g, batch, x.data, 1, dW)
    ) {
      const cols = this.colsOf ?? this.im2colTs(x, batch);
      gemm(false, true, filters, rows, wide, 1, dWide.data, 0, cols.data, 0, 1, dW, 0);
    }
    if (this.options.useBias) sumChannelsInto(dOut.data, batch, filters, outSize, this.bias.grad.data);
    if (options.inputGradient === false) return skipped(x.shape);
    // dCol[C·KH·KW, B·OH·OW] = Wᵀ · dWide, then scattered back onto each image
    const dx = (this.dInput = reuse(this.dInput, x.shape));
    if (gemmCol2imWasm(this.kernel.value.data, filters, dWide.data, g, batch, dx.data)) return dx;
    const dCol = (this.dCol = reuse(this.dCol, [rows, wide]));
    gemm(true, false, rows, wide, filters, 1, this.kernel.value.data, 0, dWide.data, 0, 0, dCol.data, 0);
    dx.data.fill(0); // col2im accumulates
    for (let b = 0; b < batch; b++) col2im(g, dCol.data, b * outSize, dx.data, b * inSize, wide);
    return dx;
  }

  /** cols[C·KH·KW, B·OH·OW] of x in TypeScript (the fallback path), in a reused buffer. */
  private im2colTs(x: Tensor, batch: number): Tensor {
    const g = this.geometry!;
    const outSize = g.outH * g.outW;
    const inSize = g.channels * g.height * g.width;
    const wide = batch * outSize;
    const cols = (this.cols = reuse(this.cols, [g.channels * g.kernelH * g.kernelW, wide]));
    for (let b = 0; b < batch; b++) im2col(g, x.data, b * inSize, cols.data, b * outSize, wide);
    return cols;
  }

  params(): Param[] {
    return this.options.useBias ? [this.kernel, this.bias] : [this.kernel];
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: { ...this.options } };
  }
}

/** y[B, F, S] ← wide[F, B·S]. */
function fromWide(wide: Float32Array, y: Float32Array, batch: number, filters: number, size: number): void {
  for (let f = 0; f < filters; f++) {
    for (let b = 0; b < batch; b++) {
      const src = (f * batch + b) * size;
      y.set(wide.subarray(src, src + size), (b * filters + f) * size);
    }
  }
}

/** wide[F, B·S] ← y[B, F, S]. */
function toWide(y: Float32Array, wide: Float32Array, batch: number, filters: number, size: number): void {
  for (let b = 0; b < batch; b++) {
    for (let f = 0; f < filters; f++) {
      const src = (b * filters + f) * size;
      wide.set(y.subarray(src, src + size), (f * batch + b) * size);
    }
  }
}
