// The registry of layer type → ONNX nodes. Each mapper reads the layer's own config (`toJSON().config`), parameters
// (`params()`, by name) and state, and appends nodes that compute the layer's inference-mode forward
// pass. Mappers live in layer-mappers.ts and fixed-point.ts and add themselves with registerOnnxMapper.

import type { Layer } from '../layer';
import type { Tensor } from '../tensor';
import type { GraphBuilder } from './graph-builder';

export interface MapContext {
  readonly graph: GraphBuilder;
  /** The name of the layer's input value: [batch, ...inputShape]. */
  readonly input: string;
  /** The layer's input shape without the batch dimension. */
  readonly inputShape: readonly number[];
  /** A stable prefix for this layer's value names, e.g. "dense_2". */
  readonly prefix: string;
}

export interface Mapped {
  /** The name of the layer's output value. */
  readonly value: string;
  /** The output shape without the batch dimension. */
  readonly shape: readonly number[];
}

/** Appends the layer's nodes; returns its output value and shape. */
export type LayerMapper = (layer: Layer, ctx: MapContext) => Mapped;

const mappers = new Map<string, LayerMapper>();

export function registerOnnxMapper(type: string, mapper: LayerMapper): void {
  mappers.set(type, mapper);
}

export function onnxMapper(type: string): LayerMapper | undefined {
  return mappers.get(type);
}

export function exportableLayerTypes(): string[] {
  return [...mappers.keys()].sort();
}

/** A parameter's value by name; a clear error when the layer does not have it. */
export function paramValue(layer: Layer, name: string): Tensor {
  const p = layer.params().find((q) => q.name === name);
  if (p === undefined) {
    const names = layer.params().map((q) => q.name);
    throw new Error(
      `ONNX export: layer '${layer.type}' has no parameter '${name}' (has: ${names.join(', ')})`,
    );
  }
  return p.value;
}

export function optionalParam(layer: Layer, name: string): Tensor | undefined {
  return layer.params().find((q) => q.name === name)?.value;
}

export function configOf(layer: Layer): Readonly<Record<string, unknown>> {
  return layer.toJSON().config;
}

/** An initializer holding a copy of `t`, named after the layer. */
export function weight(ctx: MapContext, name: string, t: Tensor): string {
  return ctx.graph.floats(`${ctx.prefix}.${name}`, t.shape, t.data);
}

export function numberConfig(layer: Layer, key: string, fallback: number): number {
  const value = configOf(layer)[key];
  return typeof value === 'number' ? value : fallback;
}
