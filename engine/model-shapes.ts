// A model's shapes by arithmetic: every layer's output, parameter and state shapes from the spec
// alone (each layer type's `shapes`), with the names they have in a model file. Nothing is allocated,
// so a hostile or mistaken spec (a 1,000,000-unit layer) is sized and refused before anything is built.

import type { LayerShapes, LayerSpec, TensorShape } from './layer';
import './layers'; // registers the built-in layer types
import { createLayer } from './registry';
import { sizeOf } from './tensor';

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

/** Bounds on a model that is loaded or built: far above every preset, far below what would hang a machine. */
export interface ModelLimits {
  /** Values in the weights blob (parameters and state): 50 M is 200 MB of float32. */
  readonly values: number;
  /** Any single dimension of the input, of a layer's output or of a tensor. */
  readonly dimension: number;
  /** Values of one layer's output for one sample (activations are held per batch). */
  readonly activation: number;
}

export const MODEL_LIMITS: ModelLimits = { values: 50_000_000, dimension: 65_536, activation: 4_194_304 };

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
  let shape: readonly number[] = spec.inputShape;
  let parameters = 0;
  let values = 0;
  spec.layers.forEach((layerSpec, i) => {
    const where = `layer ${i} (${layerSpec.type})`;
    layerInputShapes.push(shape);
    let layerShapes: LayerShapes;
    try {
      const layer = createLayer(layerSpec); // an unbuilt layer is its options: nothing allocated yet
      layerShapes = layer.shapes(shape);
    } catch (error) {
      throw new Error(`${where}: ${(error as Error).message}`);
    }
    const prefix = `${i}.${layerSpec.type}`;
    checkDimensions(layerShapes.output, `${where}: the output`, limits);
    if (sizeOf(layerShapes.output) > limits.activation) {
      throw new Error(
        `${where}: the output [${layerShapes.output.join(', ')}] holds ${count(sizeOf(layerShapes.output))} values per sample, over the limit of ${count(limits.activation)}`,
      );
    }
    const named = [
      ...layerShapes.params.map((p) => ({ name: `${prefix}.${p.name}`, shape: p.shape })),
      ...layerShapes.state.map((s, j) => ({ name: `${prefix}.state${j}`, shape: s })),
    ];
    for (const t of named) {
      checkDimensions(t.shape, `${where}: tensor ${t.name}`, limits);
      values += sizeOf(t.shape);
    }
    for (const p of layerShapes.params) parameters += sizeOf(p.shape);
    if (values > limits.values) {
      throw new Error(
        `${where}: the model would hold ${count(values)} weights by this layer, over the limit of ${count(limits.values)}`,
      );
    }
    params.push(...named.slice(0, layerShapes.params.length));
    state.push(...named.slice(layerShapes.params.length));
    shape = layerShapes.output;
  });
  return { layerInputShapes, outputShape: shape, tensors: [...params, ...state], parameters, values };
}
