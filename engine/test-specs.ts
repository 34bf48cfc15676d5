// Model specs the engine's tests build, written once: the small multilayer perceptron most tests
// train or inspect, the smallest image model (and `layer`, engine/layer.ts's layerSpec, for the rest).

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

/** [1, 28, 28] → flatten → dense(units): the smallest model that reads an image. */
export function flatDenseSpec(units: number): ModelSpec {
  return { inputShape: [1, 28, 28], layers: [layer('flatten'), layer('dense', { units })] };
}

/**
 * A hostile model file: 784 → 1,000,000 → 10 declared in about 600 bytes of model.json, for 16 bytes
 * of weights. Building it would allocate gigabytes; the checks must refuse it by arithmetic first.
 * (The model-store tests and bench/hostile-files.ts both use it.)
 */
export function hugeModelJson(): Record<string, unknown> {
  return {
    format: 'glyph-lab-model',
    version: 1,
    inputShape: [1, 28, 28],
    classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    layers: [
      { type: 'flatten', config: {} },
      { type: 'dense', config: { units: 1_000_000 } },
      { type: 'dense', config: { units: 10 } },
    ],
    weights: {
      byteLength: 16,
      tensors: [
        { name: '1.dense.kernel', shape: [784, 1_000_000], offset: 0 },
        { name: '1.dense.bias', shape: [1_000_000], offset: 0 },
        { name: '2.dense.kernel', shape: [1_000_000, 10], offset: 0 },
        { name: '2.dense.bias', shape: [10], offset: 0 },
      ],
    },
  };
}
