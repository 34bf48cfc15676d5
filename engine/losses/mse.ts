// The classic backpropagation loss (Rumelhart, Hinton & Williams 1986): sigmoid output units against
// one-hot targets, squared error, E = (1/B) Σ_b ½ Σ_k (actual − desired)², error = actual − desired.
// The sigmoid is fused in (as softmax is in cross-entropy), so the model still emits logits z and
// dE/dz = error · σ(z)·(1 − σ(z)) / B. With `sigmoid: false` the predictions are used as they are.

import type { Loss } from '../layer';
import { sigmoid } from '../layers/sigmoid';
import type { Tensor } from '../tensor';
import { cached, checkShapes, sized } from './loss-buffers';

export interface MeanSquaredErrorOptions {
  /** Apply the logistic sigmoid to the predictions first (the classic network's output units). */
  readonly sigmoid: boolean;
}

export const MEAN_SQUARED_ERROR_DEFAULTS: MeanSquaredErrorOptions = { sigmoid: true };

export class MeanSquaredError implements Loss {
  readonly type = 'meanSquaredError';
  readonly options: MeanSquaredErrorOptions;
  private actual?: Tensor; // σ(z) (or z), cached for backward
  private target?: Int32Array;
  private gradient?: Tensor;

  constructor(options: Partial<MeanSquaredErrorOptions> = {}) {
    this.options = { ...MEAN_SQUARED_ERROR_DEFAULTS, ...options };
  }

  forward(prediction: Tensor, target: Int32Array): number {
    const [batch, classes] = checkShapes(this.type, prediction, target);
    const a = (this.actual = sized(this.actual, prediction));
    const z = prediction.data;
    let total = 0;
    for (let b = 0, o = 0; b < batch; b++, o += classes) {
      for (let k = 0; k < classes; k++) {
        const actual = this.options.sigmoid ? sigmoid(z[o + k]) : z[o + k];
        a.data[o + k] = actual;
        const error = actual - (k === target[b] ? 1 : 0);
        total += 0.5 * error * error;
      }
    }
    this.target = target;
    return total / batch;
  }

  backward(): Tensor {
    const [a, target] = cached(this.type, this.actual, this.target);
    const [batch, classes] = a.shape;
    const g = (this.gradient = sized(this.gradient, a));
    for (let b = 0, o = 0; b < batch; b++, o += classes) {
      for (let k = 0; k < classes; k++) {
        const actual = a.data[o + k];
        const error = actual - (k === target[b] ? 1 : 0);
        const slope = this.options.sigmoid ? actual * (1 - actual) : 1;
        g.data[o + k] = (error * slope) / batch;
      }
    }
    return g;
  }
}
