// Losses built from a declarative spec {type, config}, through a table open for more.

import type { LayerSpec, Loss } from '../layer';
import { typeRegistry } from '../type-registry';
import { MeanSquaredError } from './mse';
import { SoftmaxCrossEntropy } from './softmax-cross-entropy';

export type LossFactory = (config: Readonly<Record<string, unknown>>) => Loss;

const losses = typeRegistry<LossFactory>('loss', [
  ['softmaxCrossEntropy', (c) => new SoftmaxCrossEntropy({ labelSmoothing: Number(c.labelSmoothing ?? 0) })],
  ['meanSquaredError', (c) => new MeanSquaredError({ sigmoid: c.sigmoid !== false })],
]);

export const registerLoss = losses.register;
export const lossTypes = losses.types;

/** E.g. `createLoss({type: 'softmaxCrossEntropy', config: {labelSmoothing: 0.1}})`. */
export function createLoss(spec: LayerSpec): Loss {
  return losses.factory(spec.type)(spec.config ?? {});
}

export { MEAN_SQUARED_ERROR_DEFAULTS, MeanSquaredError, type MeanSquaredErrorOptions } from './mse';
export {
  SOFTMAX_CROSS_ENTROPY_DEFAULTS,
  SoftmaxCrossEntropy,
  type SoftmaxCrossEntropyOptions,
  UNIFORM_TARGET,
} from './softmax-cross-entropy';
