// 2-D convolution on NCHW input through im2col + GEMM: per sample, col[C·KH·KW, OH·OW] holds the
// receptive fields and out[F, OH·OW] = W[F, C·KH·KW] · col. Kernel layout [F, C, KH, KW] (PyTorch,
// ONNX Conv). The batch's columns are kept from forward for the kernel gradient: memory (KH·KW times
// the input) traded for not redoing im2col in backward.

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
import type { BackwardOptions, ForwardOptions, Layer, LayerSpec } from '../layer';
import { numberOption, oneOfOption } from '../registry';
import type { Rng } from '../rng';
import { type Param, param, type Tensor } from '../tensor';
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
  private cols?: Tensor; // [B, C·KH·KW, OH·OW], cached for backward
  private output?: Tensor;
  private dCol?: Tensor; // [C·KH·KW, OH·OW], one sample at a time
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

  build(inputShape: readonly number[], rng: Rng): readonly number[] {
    if (inputShape.length !== 3) {
      throw new Error(`conv2d: expects NCHW input [batch, C, H, W], got [batch, ${inputShape.join(', ')}]`);
    }
    const [channels, height, width] = inputShape;
    const [kernelH, kernelW] = pair(this.type, 'kernelSize', this.options.kernelSize);
    const [strideH, strideW] = pair(this.type, 'strides', this.options.strides);
    const y = convAxis(height, kernelH, strideH, this.options.padding);
    const x = convAxis(width, kernelW, strideW, this.options.padding);
    this.geometry = {
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
    const { filters } = this.options;
    this.inputShape = [...inputShape];
    this.kernel = param('kernel', [filters, channels, kernelH, kernelW], true);
    this.bias = param('bias', [filters], false);
    const area = kernelH * kernelW;
    initialize(this.options.kernelInitializer, this.kernel.value.data, channels * area, filters * area, rng);
    return [filters, y.out, x.out];
  }

  forward(x: Tensor, _options: ForwardOptions): Tensor {
    const batch = batchOf(this.type, x, built(this.type, this.inputShape));
    const g = this.geometry!;
    const { filters } = this.options;
    const rows = g.channels * g.kernelH * g.kernelW;
    const outSize = g.outH * g.outW;
    const inSize = g.channels * g.height * g.width;
    const cols = (this.cols = reuse(this.cols, [batch, rows, outSize]));
    const y = (this.output = reuse(this.output, [batch, filters, g.outH, g.outW]));
    const w = this.kernel.value.data;
    for (let b = 0; b < batch; b++) {
      im2col(g, x.data, b * inSize, cols.data, b * rows * outSize);
      gemm(
        false,
        false,
        filters,
        outSize,
        rows,
        1,
        w,
        0,
        cols.data,
        b * rows * outSize,
        0,
        y.data,
        b * filters * outSize,
      );
    }
    if (this.options.useBias) addChannelVector(y.data, batch, filters, outSize, this.bias.value.data);
    this.input = x;
    return y;
  }

  backward(dOut: Tensor, options: BackwardOptions = {}): Tensor {
    const x = this.input;
    const cols = this.cols;
    if (x === undefined || cols === undefined) throw new Error('conv2d: backward() before forward()');
    const g = this.geometry!;
    const batch = x.shape[0];
    const { filters } = this.options;
    const rows = g.channels * g.kernelH * g.kernelW;
    const outSize = g.outH * g.outW;
    const inSize = g.channels * g.height * g.width;
    const w = this.kernel.value.data;
    const dw = this.kernel.grad.data;
    const wantInput = options.inputGradient !== false;
    const dCol = (this.dCol = reuse(this.dCol, [rows, outSize]));
    const dx = wantInput ? (this.dInput = reuse(this.dInput, x.shape)) : skipped(x.shape);
    if (wantInput) dx.data.fill(0); // col2im accumulates
    for (let b = 0; b < batch; b++) {
      const dOutOffset = b * filters * outSize;
      // dW[F, C·KH·KW] += dY_b[F, OH·OW] · col_bᵀ
      gemm(
        false,
        true,
        filters,
        rows,
        outSize,
        1,
        dOut.data,
        dOutOffset,
        cols.data,
        b * rows * outSize,
        1,
        dw,
        0,
      );
      if (!wantInput) continue;
      // dCol[C·KH·KW, OH·OW] = Wᵀ · dY_b, then scattered back onto the image
      gemm(true, false, rows, outSize, filters, 1, w, 0, dOut.data, dOutOffset, 0, dCol.data, 0);
      col2im(g, dCol.data, 0, dx.data, b * inSize);
    }
    if (this.options.useBias) sumChannelsInto(dOut.data, batch, filters, outSize, this.bias.grad.data);
    return dx;
  }

  params(): Param[] {
    return this.options.useBias ? [this.kernel, this.bias] : [this.kernel];
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: { ...this.options } };
  }
}
