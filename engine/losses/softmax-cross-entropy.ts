// Softmax and cross-entropy fused into one loss over logits [batch, classes], mean over the batch:
//   loss = −(1/B) Σ_b Σ_k q_bk · log softmax(z_b)_k,   dLoss/dz = (softmax(z) − q) / B,
// with targets q = one-hot, or (1 − ε)·one-hot + ε/K with label smoothing ε (Szegedy et al. 2016,
// https://arxiv.org/abs/1512.00567), or uniform 1/K for a sample labelled UNIFORM_TARGET: an input that
// is no class at all (a scribble), which should leave the model unsure (outlier exposure, Hendrycks et
// al. 2019, https://arxiv.org/abs/1812.04606). Fusing gives the simple gradient and avoids log(0).
// NOTE: log softmax(z)_k = z_k − m − log Σ_j exp(z_j − m) with m = max_j z_j (log-sum-exp): exp never
// overflows and log never sees 0, however large or negative the logits.

import type { Loss } from '../layer';
import type { Tensor } from '../tensor';
import { cached, checkShapes, sized } from './loss-buffers';

export interface SoftmaxCrossEntropyOptions {
  /** ε in [0, 1): the target puts 1 − ε on the true class and spreads ε evenly over all classes. */
  readonly labelSmoothing: number;
}

/** The label of a sample that belongs to no class: its target is uniform over the classes. */
export const UNIFORM_TARGET = -1;

export const SOFTMAX_CROSS_ENTROPY_DEFAULTS: SoftmaxCrossEntropyOptions = { labelSmoothing: 0 };

export class SoftmaxCrossEntropy implements Loss {
  readonly type = 'softmaxCrossEntropy';
  readonly options: SoftmaxCrossEntropyOptions;
  private probabilities?: Tensor; // softmax(z), cached for backward
  private target?: Int32Array;
  private gradient?: Tensor;

  constructor(options: Partial<SoftmaxCrossEntropyOptions> = {}) {
    this.options = { ...SOFTMAX_CROSS_ENTROPY_DEFAULTS, ...options };
    const { labelSmoothing } = this.options;
    if (!(labelSmoothing >= 0 && labelSmoothing < 1)) {
      throw new Error(`softmaxCrossEntropy: labelSmoothing must be in [0, 1), got ${labelSmoothing}`);
    }
  }

  forward(logits: Tensor, target: Int32Array): number {
    const [batch, classes] = checkShapes(this.type, logits, target, UNIFORM_TARGET);
    const p = (this.probabilities = sized(this.probabilities, logits));
    const eps = this.options.labelSmoothing;
    const z = logits.data;
    let total = 0;
    for (let b = 0, o = 0; b < batch; b++, o += classes) {
      let max = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < classes; k++) if (z[o + k] > max) max = z[o + k];
      let sum = 0;
      for (let k = 0; k < classes; k++) {
        const e = Math.exp(z[o + k] - max);
        p.data[o + k] = e;
        sum += e;
      }
      const logSum = Math.log(sum);
      for (let k = 0; k < classes; k++) p.data[o + k] /= sum;
      if (target[b] === UNIFORM_TARGET) {
        let sumLog = 0;
        for (let k = 0; k < classes; k++) sumLog += z[o + k] - max - logSum;
        total -= sumLog / classes;
        continue;
      }
      // −Σ q_k log p_k = −(1 − ε)·log p_y − (ε/K)·Σ_k log p_k
      const logPy = z[o + target[b]] - max - logSum;
      total -= (1 - eps) * logPy;
      if (eps > 0) {
        let sumLog = 0;
        for (let k = 0; k < classes; k++) sumLog += z[o + k] - max - logSum;
        total -= (eps / classes) * sumLog;
      }
    }
    this.target = target;
    return total / batch;
  }

  backward(): Tensor {
    const [p, target] = cached(this.type, this.probabilities, this.target);
    const [batch, classes] = p.shape;
    const g = (this.gradient = sized(this.gradient, p));
    const eps = this.options.labelSmoothing;
    const scale = 1 / batch;
    const spread = eps / classes;
    for (let b = 0, o = 0; b < batch; b++, o += classes) {
      if (target[b] === UNIFORM_TARGET) {
        for (let k = 0; k < classes; k++) g.data[o + k] = (p.data[o + k] - 1 / classes) * scale;
        continue;
      }
      for (let k = 0; k < classes; k++) g.data[o + k] = (p.data[o + k] - spread) * scale;
      g.data[o + target[b]] -= (1 - eps) * scale;
    }
    return g;
  }
}
