// Losses built from a declarative spec {type, config}, through a table open for more.

import type { LayerSpec, Loss } from '../layer';
import { MeanSquaredError } from './mse';
import { SoftmaxCrossEntropy } from './softmax-cross-entropy';

export type LossFactory = (config: Readonly<Record<string, unknown>>) => Loss;

const factories = new Map<string, LossFactory>([
  ['softmaxCrossEntropy', (c) => new SoftmaxCrossEntropy({ labelSmoothing: Number(c.labelSmoothing ?? 0) })],
  ['meanSquaredError', (c) => new MeanSquaredError({ sigmoid: c.sigmoid !== false })],
]);

export function registerLoss(type: string, factory: LossFactory): void {
  factories.set(type, factory);
}

export function lossTypes(): string[] {
  return [...factories.keys()];
}

/** E.g. `createLoss({type: 'softmaxCrossEntropy', config: {labelSmoothing: 0.1}})`. */
export function createLoss(spec: LayerSpec): Loss {
  const factory = factories.get(spec.type);
  if (factory === undefined) {
    throw new Error(`unknown loss type '${spec.type}' (known: ${lossTypes().join(', ')})`);
  }
  return factory(spec.config ?? {});
}

export { MEAN_SQUARED_ERROR_DEFAULTS, MeanSquaredError, type MeanSquaredErrorOptions } from './mse';
export {
  SOFTMAX_CROSS_ENTROPY_DEFAULTS,
  SoftmaxCrossEntropy,
  type SoftmaxCrossEntropyOptions,
} from './softmax-cross-entropy';
