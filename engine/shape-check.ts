// A model spec's size by arithmetic on shapes, allocating nothing: each layer's output shape, its
// parameter count and the floats it holds per sample (outputs, plus im2col columns for convolutions).
// Used to refuse a network that is too big before anything builds it (a 1,000,000-unit layer would
// otherwise take gigabytes and minutes to allocate), and to give a clear reason for one that does not fit.
// NOTE: the formulas restate each layer's `build` (dense.ts, conv2d.ts, ...); shape-check.test.ts
// compares them with built models so the two cannot drift apart.

import { convAxis, type Padding } from './kernels';
import type { LayerSpec } from './layer';
import { CONV2D_DEFAULTS, MAXPOOL2D_DEFAULTS } from './layers';
import './recurrent'; // registers 'fixedPoint'
import { createLayer } from './registry';

/** One layer's share: output shape (no batch), trainable parameters, floats held per sample. */
export interface LayerPlan {
  readonly type: string;
  readonly outputShape: readonly number[];
  readonly parameters: number;
  readonly activations: number;
}

export interface ModelPlan {
  readonly outputShape: readonly number[];
  readonly layers: readonly LayerPlan[];
  readonly parameters: number;
  /** Floats the forward pass holds per sample (outputs and workspaces, summed over layers). */
  readonly activations: number;
}

export interface SizeLimits {
  /** Most trainable parameters. Default 50 M (200 MB of float32, ×4 with gradients and Adam's moments). */
  readonly parameters: number;
  /** Most floats held per sample by the forward pass. Default 8 M (32 MB). */
  readonly activationsPerSample: number;
  /** Most floats held for one batch (per-sample × batch size). Default 256 M (1 GB). */
  readonly activationsPerBatch: number;
}

export const SIZE_LIMITS: SizeLimits = {
  parameters: 50_000_000,
  activationsPerSample: 8_000_000,
  activationsPerBatch: 256_000_000,
};

type Config = Readonly<Record<string, unknown>>;
/** Output shape and parameter count of one layer type, from its config and input shape. */
type ShapeRule = (
  config: Config,
  input: readonly number[],
) => { output: number[]; parameters: number; work?: number };

const size = (shape: readonly number[]) => shape.reduce((a, b) => a * b, 1);
const pair = (v: unknown): [number, number] => (Array.isArray(v) ? [v[0], v[1]] : [v as number, v as number]);

function expectRank(type: string, input: readonly number[], ranks: number[], hint: string): void {
  if (!ranks.includes(input.length)) {
    throw new Error(`${type}: expects ${hint} input, got [${input.join(', ')}]`);
  }
}

const same: ShapeRule = (_config, input) => ({ output: [...input], parameters: 0 });

const rules: Record<string, ShapeRule> = {
  dense: (config, input) => {
    expectRank('dense', input, [1], '[features]; add a flatten layer before it,');
    const units = config.units as number;
    const bias = config.useBias === false ? 0 : units;
    return { output: [units], parameters: input[0]! * units + bias };
  },
  conv2d: (config, input) => {
    expectRank('conv2d', input, [3], '[channels, height, width]');
    const [channels, height, width] = input as [number, number, number];
    const [kh, kw] = pair(config.kernelSize);
    const [sh, sw] = pair(config.strides ?? CONV2D_DEFAULTS.strides);
    const padding = (config.padding ?? CONV2D_DEFAULTS.padding) as Padding;
    const oh = convAxis(height, kh, sh, padding).out;
    const ow = convAxis(width, kw, sw, padding).out;
    const filters = config.filters as number;
    const bias = config.useBias === false ? 0 : filters;
    // the im2col columns [C·KH·KW, OH·OW] per sample
    return {
      output: [filters, oh, ow],
      parameters: filters * channels * kh * kw + bias,
      work: channels * kh * kw * oh * ow,
    };
  },
  maxpool2d: (config, input) => {
    expectRank('maxpool2d', input, [3], '[channels, height, width]');
    const pool = (config.poolSize as number | undefined) ?? MAXPOOL2D_DEFAULTS.poolSize;
    const stride = (config.strides as number | undefined) ?? pool;
    const [channels, height, width] = input as [number, number, number];
    const oh = Math.floor((height - pool) / stride) + 1;
    const ow = Math.floor((width - pool) / stride) + 1;
    if (oh < 1 || ow < 1) throw new Error(`maxpool2d: window ${pool} does not fit input ${height}×${width}`);
    return { output: [channels, oh, ow], parameters: 0 };
  },
  flatten: (_config, input) => ({ output: [size(input)], parameters: 0 }),
  batchNorm: (_config, input) => {
    expectRank('batchNorm', input, [1, 3], '[features] or [channels, height, width]');
    return { output: [...input], parameters: 2 * input[0]! };
  },
  fixedPoint: (config, input) => {
    expectRank('fixedPoint', input, [1], '[features]; add a flatten layer before it,');
    const units = config.units as number;
    // W [units, units], U [units, in], b [units]; forward keeps drive, state and slope per sample
    return { output: [units], parameters: units * units + units * input[0]! + units, work: 3 * units };
  },
  dropout: same,
  relu: same,
  leakyRelu: same,
  sigmoid: same,
  tanh: same,
};

/**
 * The plan of a model spec: throws the engine's own message for a bad config (the layer is constructed,
 * which allocates nothing), and a clear one for a shape that does not fit or a type with no shape rule.
 */
export function planModel(inputShape: readonly number[], layers: readonly LayerSpec[]): ModelPlan {
  if (layers.length === 0) throw new Error('a model needs at least one layer');
  let shape = [...inputShape];
  let parameters = 0;
  let activations = 0;
  const planned: LayerPlan[] = [];
  layers.forEach((spec, i) => {
    const rule = rules[spec.type];
    try {
      createLayer(spec); // the engine's checks of the config, before any arithmetic trusts it
      if (rule === undefined) throw new Error(`no size rule for layer type '${spec.type}'`);
      const { output, parameters: p, work = 0 } = rule(spec.config ?? {}, shape);
      if (!output.every((d) => Number.isInteger(d) && d >= 1)) {
        throw new Error(`output shape [${output.join(', ')}] is not a shape`);
      }
      const held = size(output) + work;
      planned.push({ type: spec.type, outputShape: output, parameters: p, activations: held });
      parameters += p;
      activations += held;
      shape = output;
    } catch (error) {
      throw new Error(`layer ${i + 1} (${spec.type}): ${(error as Error).message}`);
    }
  });
  return { outputShape: shape, layers: planned, parameters, activations };
}

/** Why a plan is too big to train with this batch size, or undefined when it fits. */
export function tooBig(
  plan: ModelPlan,
  batchSize: number,
  limits: SizeLimits = SIZE_LIMITS,
): string | undefined {
  const millions = (n: number) => `${(n / 1e6).toLocaleString('en', { maximumFractionDigits: 1 })} M`;
  if (plan.parameters > limits.parameters) {
    return `${millions(plan.parameters)} parameters; the most is ${millions(limits.parameters)}`;
  }
  if (plan.activations > limits.activationsPerSample) {
    return (
      `its layers hold ${millions(plan.activations)} values per image; the most is ` +
      `${millions(limits.activationsPerSample)} (fewer filters or units, or pool earlier)`
    );
  }
  const perBatch = plan.activations * batchSize;
  if (perBatch > limits.activationsPerBatch) {
    return (
      `a batch of ${batchSize} would hold ${millions(perBatch)} values in the layers; the most is ` +
      `${millions(limits.activationsPerBatch)} (a smaller batch size or network)`
    );
  }
  return undefined;
}
