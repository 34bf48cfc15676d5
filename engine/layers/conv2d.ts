// 2-D convolution on NCHW input through im2col + GEMM: out[F, B·OH·OW] = W[F, C·KH·KW] · cols is one
// GEMM over the whole batch (engine/kernels/conv.ts), reordered to [B, F, OH, OW]. Kernel layout
// [F, C, KH, KW] (PyTorch, ONNX Conv).

import { INITIALIZERS, type Initializer, initialize } from '../init';
import {
  type ConvGeometry,
  ConvWorkspace,
  convAxis,
  convBackward,
  convForward,
  type Padding,
} from '../kernels';
import type { BackwardOptions, ForwardOptions, Layer, LayerShapes } from '../layer';
import { numberOption, oneOfOption } from '../registry';
import type { Rng } from '../rng';
import { type Param, param, type Tensor } from '../tensor';
import { KernelLayer } from './kernel-layer';
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

export class Conv2D extends KernelLayer<Conv2DOptions> implements Layer {
  readonly type = 'conv2d';
  readonly options: Conv2DOptions;
  declare kernel: Param; // [F, C, KH, KW]
  declare bias: Param; // [F]
  private inputShape?: readonly number[];
  private geometry?: ConvGeometry;
  private input?: Tensor;
  private readonly work = new ConvWorkspace();
  private output?: Tensor;
  private dInput?: Tensor;

  constructor(
    options: Partial<Conv2DOptions> & { filters: number; kernelSize: number | readonly [number, number] },
  ) {
    super();
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
    const y = (this.output = reuse(this.output, [batch, filters, g.outH, g.outW]));
    // y = act(W · im2col(x) + b): bias and the fused ReLU in the GEMM's epilogue
    const bias = this.options.useBias ? this.bias.value.data : undefined;
    convForward(g, batch, filters, this.kernel.value.data, bias, this.relu, x.data, y.data, this.work);
    this.input = x;
    return y;
  }

  backward(dOut: Tensor, options: BackwardOptions = {}): Tensor {
    const x = this.input;
    if (x === undefined) throw new Error('conv2d: backward() before forward()');
    const g = this.geometry!;
    const batch = x.shape[0];
    const { filters } = this.options;
    const bias = this.options.useBias ? this.bias.grad.data : undefined;
    // dW += dY · im2col(x)ᵀ, bias gradient += Σ dY, dx = col2im(Wᵀ · dY) (skipped when not asked)
    const dx = options.inputGradient === false ? undefined : (this.dInput = reuse(this.dInput, x.shape));
    const w = this.kernel.value.data;
    convBackward(g, batch, filters, w, dOut.data, x.data, this.kernel.grad.data, bias, dx?.data, this.work);
    if (dx === undefined) return skipped(x.shape);
    return dx;
  }
}
