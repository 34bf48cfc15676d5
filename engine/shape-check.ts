// A model spec's size by arithmetic on shapes, allocating nothing: each layer's output shape, its
// parameter count and the floats it holds per sample (outputs, plus workspaces such as im2col columns).
// Used to refuse a network that is too big to train before anything builds it (a 1,000,000-unit layer
// would otherwise take gigabytes and minutes to allocate), and to give a clear reason for one that does
// not fit. The shapes are each layer type's own `shapes` (the formulas `build` uses), so nothing here
// restates a layer; shape-check.test.ts still compares the plan with built models.

import type { LayerSpec } from './layer';
import './layers'; // registers the built-in layer types
import './recurrent'; // registers 'fixedPoint'
import { createLayer } from './registry';
import { sizeOf } from './tensor';

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

/**
 * The plan of a model spec: throws the engine's own message for a bad config or an input shape a layer
 * cannot take (an unbuilt layer is only its options: nothing is allocated).
 */
export function planModel(inputShape: readonly number[], layers: readonly LayerSpec[]): ModelPlan {
  if (layers.length === 0) throw new Error('a model needs at least one layer');
  let shape: readonly number[] = [...inputShape];
  let parameters = 0;
  let activations = 0;
  const planned: LayerPlan[] = [];
  layers.forEach((spec, i) => {
    try {
      const shapes = createLayer(spec).shapes(shape);
      const output = shapes.output;
      if (!output.every((d) => Number.isInteger(d) && d >= 1)) {
        throw new Error(`output shape [${output.join(', ')}] is not a shape`);
      }
      const p = shapes.params.reduce((sum, t) => sum + sizeOf(t.shape), 0);
      const held = sizeOf(output) + (shapes.workspace ?? 0);
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
