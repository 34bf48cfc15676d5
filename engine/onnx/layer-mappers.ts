// ONNX mappings of the core layers (inference form). Each reads the layer's config keys and
// parameter layouts as engine/layers/* define them; docs/onnx.md lists what each becomes.

import { convAxis, type Padding } from '../kernels/im2col';
import type { Layer } from '../layer';
import { sizeOf } from '../tensor';
import { type Attributes, attr } from './graph-builder';
import {
  configOf,
  type LayerMapper,
  type MapContext,
  type Mapped,
  numberConfig,
  optionalParam,
  paramValue,
  registerOnnxMapper,
  weight,
} from './mappers';

/** The output keeps the input's shape: activations. */
function elementwise(opType: string, attributes?: (layer: Layer) => Attributes): LayerMapper {
  return (layer, ctx) => ({
    value: ctx.graph.node(opType, [ctx.input], attributes?.(layer), ctx.graph.unique(ctx.prefix)),
    shape: ctx.inputShape,
  });
}

function pairConfig(layer: Layer, key: string, fallback: number): [number, number] {
  const v = configOf(layer)[key] ?? fallback;
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2 && v.every((d) => typeof d === 'number')) return [v[0], v[1]];
  throw new Error(
    `ONNX export: ${layer.type} config.${key} must be a number or [h, w], got ${JSON.stringify(v)}`,
  );
}

function expectRank(layer: Layer, ctx: MapContext, rank: number): void {
  if (ctx.inputShape.length !== rank) {
    throw new Error(
      `ONNX export: ${layer.type} expects a rank-${rank} input, got [batch, ${ctx.inputShape.join(', ')}]`,
    );
  }
}

/** Dense: y = x·W + b with W [in, out] (engine/layers/dense.ts), hence Gemm with transB = 0. */
function dense(layer: Layer, ctx: MapContext): Mapped {
  expectRank(layer, ctx, 1);
  const kernel = paramValue(layer, 'kernel');
  const bias = optionalParam(layer, 'bias');
  const inputs = [ctx.input, weight(ctx, 'kernel', kernel)];
  if (bias !== undefined) inputs.push(weight(ctx, 'bias', bias));
  const value = ctx.graph.node(
    'Gemm',
    inputs,
    { transA: attr.int(0), transB: attr.int(0) },
    ctx.graph.unique(ctx.prefix),
  );
  return { value, shape: [kernel.shape[1]] };
}

/** Conv2D: kernel [F, C, KH, KW] as ONNX Conv wants; 'same' splits padding TensorFlow's way (extra at the end). */
function conv2d(layer: Layer, ctx: MapContext): Mapped {
  expectRank(layer, ctx, 3);
  const [, height, width] = ctx.inputShape;
  const kernel = paramValue(layer, 'kernel');
  const bias = optionalParam(layer, 'bias');
  const [filters, , kernelH, kernelW] = kernel.shape;
  const [strideH, strideW] = pairConfig(layer, 'strides', 1);
  const padding = (configOf(layer).padding ?? 'valid') as Padding;
  const y = convAxis(height, kernelH, strideH, padding);
  const x = convAxis(width, kernelW, strideW, padding);
  // Numeric padding is symmetric; 'same' puts the odd pixel after. Either way ONNX computes the same
  // floor((in + pads - k) / stride) + 1 outputs as the engine.
  const after = (axis: { out: number; padBefore: number }, size: number, k: number, s: number) =>
    padding === 'same' ? Math.max(0, (axis.out - 1) * s + k - size) - axis.padBefore : axis.padBefore;
  const pads = [
    y.padBefore,
    x.padBefore,
    after(y, height, kernelH, strideH),
    after(x, width, kernelW, strideW),
  ];
  const inputs = [ctx.input, weight(ctx, 'kernel', kernel)];
  if (bias !== undefined) inputs.push(weight(ctx, 'bias', bias));
  const value = ctx.graph.node(
    'Conv',
    inputs,
    {
      kernel_shape: attr.ints([kernelH, kernelW]),
      strides: attr.ints([strideH, strideW]),
      pads: attr.ints(pads),
      dilations: attr.ints([1, 1]),
      group: attr.int(1),
    },
    ctx.graph.unique(ctx.prefix),
  );
  return { value, shape: [filters, y.out, x.out] };
}

/** MaxPool2D: square window, no padding, trailing rows/columns that do not fill a window dropped. */
function maxPool2d(layer: Layer, ctx: MapContext): Mapped {
  expectRank(layer, ctx, 3);
  const [channels, height, width] = ctx.inputShape;
  const poolSize = numberConfig(layer, 'poolSize', 2);
  const strides = numberConfig(layer, 'strides', poolSize);
  const value = ctx.graph.node(
    'MaxPool',
    [ctx.input],
    {
      kernel_shape: attr.ints([poolSize, poolSize]),
      strides: attr.ints([strides, strides]),
      pads: attr.ints([0, 0, 0, 0]),
    },
    ctx.graph.unique(ctx.prefix),
  );
  const out = (size: number) => Math.floor((size - poolSize) / strides) + 1;
  return { value, shape: [channels, out(height), out(width)] };
}

/** BatchNorm (dense [B, F] or NCHW): BatchNormalization in inference form on the running statistics. */
function batchNorm(layer: Layer, ctx: MapContext): Mapped {
  const state = layer.state?.() ?? [];
  if (state.length !== 2)
    throw new Error(`ONNX export: ${layer.type} must have [runningMean, runningVar] state`);
  const [mean, variance] = state;
  const inputs = [
    ctx.input,
    weight(ctx, 'gamma', paramValue(layer, 'gamma')),
    weight(ctx, 'beta', paramValue(layer, 'beta')),
    weight(ctx, 'running_mean', mean),
    weight(ctx, 'running_var', variance),
  ];
  const epsilon = numberConfig(layer, 'epsilon', 1e-5);
  const value = ctx.graph.node(
    'BatchNormalization',
    inputs,
    { epsilon: attr.float(epsilon) },
    ctx.graph.unique(ctx.prefix),
  );
  return { value, shape: ctx.inputShape };
}

/** Flatten: [batch, ...] → [batch, product], row-major as the engine's reshape. */
function flatten(_layer: Layer, ctx: MapContext): Mapped {
  const value = ctx.graph.node('Flatten', [ctx.input], { axis: attr.int(1) }, ctx.graph.unique(ctx.prefix));
  return { value, shape: [sizeOf(ctx.inputShape)] };
}

registerOnnxMapper('dense', dense);
registerOnnxMapper('conv2d', conv2d);
registerOnnxMapper('maxpool2d', maxPool2d);
registerOnnxMapper('flatten', flatten);
registerOnnxMapper('batchNorm', batchNorm);
registerOnnxMapper('relu', elementwise('Relu'));
registerOnnxMapper('sigmoid', elementwise('Sigmoid'));
registerOnnxMapper('tanh', elementwise('Tanh'));
registerOnnxMapper(
  'leakyRelu',
  elementwise('LeakyRelu', (layer) => ({ alpha: attr.float(numberConfig(layer, 'alpha', 0.01)) })),
);
// Dropout is the identity at inference (inverted dropout scales while training): no node.
registerOnnxMapper('dropout', (_layer, ctx) => ({ value: ctx.input, shape: ctx.inputShape }));
