// A model's shapes by arithmetic: every layer's output, parameter and state shapes from the spec
// alone (each layer type's own `shapes`, the formulas `build` uses, so nothing here restates a
// layer). Nothing is allocated, so a hostile or mistaken spec (a 1,000,000-unit layer) is sized and
// refused before anything is built. Two readers of one walk:
// - `modelShapes`, for a model file: the tensors with the names they have in the file, under the
//   limits a loaded model must keep; layers are numbered from 0, as the file's tensor names are.
// - `planModel` and `tooBig`, for a training spec: parameters and floats held per sample, and why a
//   network is too big to train with a batch size; layers are numbered from 1, as a person counts.

import type { LayerShapes, LayerSpec, TensorShape } from './layer';
import './layers'; // registers the built-in layer types
import './recurrent'; // registers 'fixedPoint'
import { createLayer } from './registry';
import { sizeOf } from './tensor';

/** Bounds on a model: far above every preset, far below what would hang a machine. */
export interface ModelLimits {
  /** Values in a model file's weights blob (parameters and state): 50 M is 200 MB of float32. */
  readonly values: number;
  /** Any single dimension of a model file's input, of a layer's output or of a tensor. */
  readonly dimension: number;
  /** Values of one layer's output for one sample, in a model file (activations are held per batch). */
  readonly activation: number;
  /** Trainable parameters of a network to train: 50 M (200 MB, ×4 with gradients and Adam's moments). */
  readonly parameters: number;
  /** Floats the forward pass of a network to train holds per sample: 8 M (32 MB). */
  readonly activationsPerSample: number;
  /** Floats held for one training batch (per sample × batch size): 256 M (1 GB). */
  readonly activationsPerBatch: number;
}

export const MODEL_LIMITS: ModelLimits = {
  values: 50_000_000,
  dimension: 65_536,
  activation: 4_194_304,
  parameters: 50_000_000,
  activationsPerSample: 8_000_000,
  activationsPerBatch: 256_000_000,
};

/**
 * Walks the layers from `inputShape`, each unbuilt (an unbuilt layer is only its options), handing
 * `visit` its index, spec, shapes and input shape; what a layer or `visit` throws is re-thrown as
 * `layer <index + first> (<type>): <message>`. Returns the output shape.
 */
function walkShapes(
  inputShape: readonly number[],
  layers: readonly LayerSpec[],
  first: 0 | 1,
  visit: (i: number, spec: LayerSpec, shapes: LayerShapes, input: readonly number[]) => void,
): readonly number[] {
  let shape = inputShape;
  layers.forEach((spec, i) => {
    try {
      const shapes = createLayer(spec).shapes(shape);
      visit(i, spec, shapes, shape);
      shape = shapes.output;
    } catch (error) {
      throw new Error(`layer ${i + first} (${spec.type}): ${(error as Error).message}`);
    }
  });
  return shape;
}

const count = (n: number) => n.toLocaleString('en');

function checkDimensions(shape: readonly number[], what: string, limits: ModelLimits): void {
  for (const d of shape) {
    if (d > limits.dimension) {
      throw new Error(
        `${what} [${shape.join(', ')}] has a dimension over the limit of ${count(limits.dimension)}`,
      );
    }
  }
}

/** A spec's shapes, layer by layer. */
export interface ModelShapes {
  /** The input shape (without batch) of each layer. */
  readonly layerInputShapes: readonly (readonly number[])[];
  readonly outputShape: readonly number[];
  /** Parameters then state, named `<layer index>.<layer type>.<name>` as in a model file (blob order). */
  readonly tensors: readonly TensorShape[];
  /** Trainable values (what the app calls the parameter count). */
  readonly parameters: number;
  /** Every value the weights blob holds: parameters and state. */
  readonly values: number;
}

/**
 * Every layer's shapes for `{inputShape, layers}`, checked against `limits` layer by layer, so the
 * first layer past a limit is the one named. Errors start with `layer <i> (<type>)`.
 */
export function modelShapes(
  spec: { readonly inputShape: readonly number[]; readonly layers: readonly LayerSpec[] },
  limits: ModelLimits = MODEL_LIMITS,
): ModelShapes {
  checkDimensions(spec.inputShape, 'the input shape', limits);
  const layerInputShapes: (readonly number[])[] = [];
  const params: TensorShape[] = [];
  const state: TensorShape[] = [];
  let parameters = 0;
  let values = 0;
  const outputShape = walkShapes(spec.inputShape, spec.layers, 0, (i, layerSpec, layerShapes, input) => {
    layerInputShapes.push(input);
    const prefix = `${i}.${layerSpec.type}`;
    checkDimensions(layerShapes.output, 'the output', limits);
    if (sizeOf(layerShapes.output) > limits.activation) {
      throw new Error(
        `the output [${layerShapes.output.join(', ')}] holds ${count(sizeOf(layerShapes.output))} values per sample, over the limit of ${count(limits.activation)}`,
      );
    }
    const named = [
      ...layerShapes.params.map((p) => ({ name: `${prefix}.${p.name}`, shape: p.shape })),
      ...layerShapes.state.map((s, j) => ({ name: `${prefix}.state${j}`, shape: s })),
    ];
    for (const t of named) {
      checkDimensions(t.shape, `tensor ${t.name}`, limits);
      values += sizeOf(t.shape);
    }
    for (const p of layerShapes.params) parameters += sizeOf(p.shape);
    if (values > limits.values) {
      throw new Error(
        `the model would hold ${count(values)} weights by this layer, over the limit of ${count(limits.values)}`,
      );
    }
    params.push(...named.slice(0, layerShapes.params.length));
    state.push(...named.slice(layerShapes.params.length));
  });
  return { layerInputShapes, outputShape, tensors: [...params, ...state], parameters, values };
}

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

/**
 * The plan of a training spec: output shape, parameters and floats held per sample (outputs, plus
 * workspaces such as im2col columns). Throws the engine's own message for a bad config or an input
 * shape a layer cannot take.
 */
export function planModel(inputShape: readonly number[], layers: readonly LayerSpec[]): ModelPlan {
  if (layers.length === 0) throw new Error('a model needs at least one layer');
  let parameters = 0;
  let activations = 0;
  const planned: LayerPlan[] = [];
  const outputShape = walkShapes(inputShape, layers, 1, (_, spec, shapes) => {
    const output = shapes.output;
    if (!output.every((d) => Number.isInteger(d) && d >= 1)) {
      throw new Error(`output shape [${output.join(', ')}] is not a shape`);
    }
    const p = shapes.params.reduce((sum, t) => sum + sizeOf(t.shape), 0);
    const held = sizeOf(output) + (shapes.workspace ?? 0);
    planned.push({ type: spec.type, outputShape: output, parameters: p, activations: held });
    parameters += p;
    activations += held;
  });
  return { outputShape, layers: planned, parameters, activations };
}

/** Why a plan is too big to train with this batch size, or undefined when it fits. */
export function tooBig(
  plan: ModelPlan,
  batchSize: number,
  limits: ModelLimits = MODEL_LIMITS,
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
