// The contracts every part of the engine is written against: layers, losses, optimizers.
// Vocabulary: forward, backward, params, toJSON (see engine/README.md).

import type { Rng } from './rng';
import type { Param, Tensor } from './tensor';

export interface ForwardOptions {
  /** Training mode: dropout drops, batch norm uses batch statistics and updates running ones. */
  readonly training: boolean;
  /** Randomness for stochastic layers (dropout). Required when training with such layers. */
  readonly rng?: Rng;
}

/** Options for a backward pass. */
export interface BackwardOptions {
  /**
   * Whether dLoss/dInput is needed (default true). A model's first layer skips it during training
   * (nothing consumes it): for Dense 784→256 that is a third of the layer's backward work. When false,
   * layers that honour it return a tensor of the input's shape whose `data` is empty (length 0).
   */
  readonly inputGradient?: boolean;
}

/** A layer's declarative description: enough, with the weights, to rebuild it exactly. */
export interface LayerSpec {
  readonly type: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/** A LayerSpec in one call: `layerSpec('relu')`, `layerSpec('dense', { units: 10 })`. */
export const layerSpec = (type: string, config: Readonly<Record<string, unknown>> = {}): LayerSpec => ({
  type,
  config,
});

/** A tensor a layer owns, by name and shape: what `build` will allocate. */
export interface TensorShape {
  readonly name: string;
  readonly shape: readonly number[];
}

/**
 * What a layer's config and input shape imply, worked out by arithmetic: nothing is allocated, so a
 * model file can be sized (and refused) before any of it is built.
 */
export interface LayerShapes {
  /** Output shape without the batch dimension. */
  readonly output: readonly number[];
  /** The trainable tensors, in `params()` order. */
  readonly params: readonly TensorShape[];
  /** The saved non-trainable tensors, in `state()` order. */
  readonly state: readonly (readonly number[])[];
  /**
   * Floats per sample the forward pass keeps besides its output (im2col columns, a recurrent layer's
   * saved drive and slope); 0 when absent. Sizes a network's memory before it is built.
   */
  readonly workspace?: number;
}

/**
 * One layer: forward and backward side by side.
 * - `shapes(inputShape)` gives the output, parameter and state shapes `build` would give, from the
 *   config alone (no allocation); it throws what `build` throws for an input the layer cannot take.
 *   `build` takes its shapes from it, so the formula is written once.
 * - `build` is called once with the input shape without the batch dimension (inferred from the
 *   previous layer); it allocates parameters, initialises them from `rng`, and returns the output
 *   shape without the batch dimension.
 * - `forward(x)` takes [batch, ...inputShape] and caches only what backward needs.
 * - `backward(dOut)` accumulates (+=) parameter gradients and returns dLoss/dInput.
 * - Returned tensors may be buffers the layer owns and reuses (no allocation per batch): they stay
 *   valid until the layer's next forward (or backward); copy them to keep them longer.
 */
export interface Layer {
  readonly type: string;
  shapes(inputShape: readonly number[]): LayerShapes;
  build(inputShape: readonly number[], rng: Rng): readonly number[];
  forward(x: Tensor, options: ForwardOptions): Tensor;
  backward(dOut: Tensor, options?: BackwardOptions): Tensor;
  params(): Param[];
  /** Non-trainable state saved with the model (batch-norm running statistics), in a fixed order. */
  state?(): Tensor[];
  toJSON(): LayerSpec;
  /**
   * Optional: asks the layer to apply the activation of the layer that follows it (e.g. 'relu') at
   * the end of its own forward; returns whether it will from now on. `Sequential` asks, and then
   * calls the activation's `fusedIntoPrevious`: the model computes the same function in fewer passes.
   */
  fuseActivation?(type: string): boolean;
  /**
   * Optional: this activation's forward is done by the layer before it (see `fuseActivation`):
   * forward passes its input through; backward is unchanged (ReLU's mask x > 0 reads the same
   * on relu(x), and ReLU is idempotent, so running it again elsewhere changes nothing).
   */
  fusedIntoPrevious?(): void;
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
