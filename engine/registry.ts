// The layer registry: `type → fromJSON(config)`. Models are built and loaded through it, never by
// branching on names; modules outside the core (the recurrent layer) add themselves with registerLayer.

import type { Layer, LayerSpec } from './layer';
import { typeRegistry } from './type-registry';

/** Builds an unbuilt layer from the `config` its `toJSON()` wrote. */
export type LayerFactory = (config: Readonly<Record<string, unknown>>) => Layer;

const layers = typeRegistry<LayerFactory>('layer', [], { sorted: true });

export const registerLayer = layers.register;
export const layerTypes = layers.types;
export const hasLayer = layers.has;

export function createLayer(spec: LayerSpec): Layer {
  return layers.factory(spec.type)(spec.config ?? {});
}

/** Reads `config[key]` as a number, or the default when absent; names the key when it is wrong. */
export function numberOption(
  type: string,
  config: Readonly<Record<string, unknown>>,
  key: string,
  fallback: number,
): number {
  const value = config[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`layer '${type}': config.${key} must be a finite number, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** Reads `config[key]` as one of `allowed`, or the default when absent. */
export function oneOfOption<T extends string>(
  type: string,
  config: Readonly<Record<string, unknown>>,
  key: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const value = config[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new Error(
      `layer '${type}': config.${key} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`,
    );
  }
  return value as T;
}
