// Model specs the engine's tests build, written once: the small multilayer perceptron most tests
// train or inspect (and `layer`, engine/layer.ts's layerSpec, for the rest).

import { layerSpec as layer } from './layer';
import type { ModelSpec } from './model';

export { layer };

/**
 * [inputs] → dense(units[0]) → activation → … → dense(units[last]): no activation after the last
 * dense (the loss takes logits). `dense` is added to every dense layer's config (an initializer).
 */
export function mlpSpec(
  inputs: number,
  units: readonly number[],
  activation = 'relu',
  dense: Record<string, unknown> = {},
): ModelSpec {
  const layers = units.flatMap((n, i) => [
    layer('dense', { units: n, ...dense }),
    ...(i < units.length - 1 ? [layer(activation)] : []),
  ]);
  return { inputShape: [inputs], layers };
}
