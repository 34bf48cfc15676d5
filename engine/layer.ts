// The contracts every part of the engine is written against: layers, losses, optimizers.
// Vocabulary: forward, backward, params, toJSON (see engine/README.md).

import type { Param, Tensor } from './tensor';
import type { Rng } from './rng';

export interface ForwardOptions {
  /** Training mode: dropout drops, batch norm uses batch statistics and updates running ones. */
  readonly training: boolean;
  /** Randomness for stochastic layers (dropout). Required when training with such layers. */
  readonly rng?: Rng;
}

/** A layer's declarative description: enough, with the weights, to rebuild it exactly. */
export interface LayerSpec {
  readonly type: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/**
 * One layer: forward and backward side by side.
 * - `build` is called once with the input shape without the batch dimension (inferred from the
 *   previous layer); it allocates parameters, initialises them from `rng`, and returns the output
 *   shape without the batch dimension.
 * - `forward(x)` takes [batch, ...inputShape] and caches only what backward needs.
 * - `backward(dOut)` accumulates (+=) parameter gradients and returns dLoss/dInput.
 */
export interface Layer {
  readonly type: string;
  build(inputShape: readonly number[], rng: Rng): readonly number[];
  forward(x: Tensor, options: ForwardOptions): Tensor;
  backward(dOut: Tensor): Tensor;
  params(): Param[];
  /** Non-trainable state saved with the model (batch-norm running statistics), in a fixed order. */
  state?(): Tensor[];
  toJSON(): LayerSpec;
}

/** A loss over a batch: forward returns the mean loss; backward returns dLoss/dPrediction. */
export interface Loss {
  readonly type: string;
  /** prediction [batch, classes]; target: class indices [batch] as Int32Array. */
  forward(prediction: Tensor, target: Int32Array): number;
  backward(): Tensor;
}

/** An optimizer updates parameter values from their accumulated gradients. */
export interface Optimizer {
  readonly type: string;
  step(params: readonly Param[], learningRate: number): void;
  toJSON(): LayerSpec;
}
