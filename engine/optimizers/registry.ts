// Optimizers built from a declarative spec {type, config}: a table from type to factory, open for more.

import type { LayerSpec, Optimizer } from '../layer';
import { typeRegistry } from '../type-registry';
import { Adam } from './adam';
import { AdamW } from './adamw';
import { Momentum } from './momentum';
import { Nesterov } from './nesterov';
import { Sgd } from './sgd';

/** A declarative optimizer description, e.g. `{type: 'adam', config: {beta1: 0.9}}`. */
export type OptimizerSpec = LayerSpec;

export type OptimizerFactory = (config: Readonly<Record<string, unknown>>) => Optimizer;

/** Every built-in optimizer takes only numbers; anything else in a spec is a mistake worth naming. */
function numbers(type: string, config: Readonly<Record<string, unknown>>): Record<string, number> {
  for (const [key, value] of Object.entries(config)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new Error(`optimizer '${type}': config.${key} must be a finite number, got ${String(value)}`);
    }
  }
  return config as Record<string, number>;
}

const optimizers = typeRegistry<OptimizerFactory>('optimizer', [
  ['sgd', (config) => new Sgd(numbers('sgd', config))],
  ['momentum', (config) => new Momentum(numbers('momentum', config))],
  ['nesterov', (config) => new Nesterov(numbers('nesterov', config))],
  ['adam', (config) => new Adam(numbers('adam', config))],
  ['adamw', (config) => new AdamW(numbers('adamw', config))],
]);

export const registerOptimizer = optimizers.register;
export const optimizerTypes = optimizers.types;

export function createOptimizer(spec: OptimizerSpec): Optimizer {
  return optimizers.factory(spec.type)(spec.config ?? {});
}
