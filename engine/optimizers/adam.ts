// Adam: per-parameter step sizes from bias-corrected first and second moment estimates.
//   m ← β1·m + (1−β1)·g;  v ← β2·v + (1−β2)·g²;  w ← w − lr·m̂ / (√v̂ + ε),  m̂ = m/(1−β1ᵗ), v̂ = v/(1−β2ᵗ)
// with g = ∇ + λ·w (coupled L2 decay; see adamw.ts for the decoupled form).
// Kingma & Ba 2015, "Adam: A Method for Stochastic Optimization", ICLR, https://arxiv.org/abs/1412.6980

import { adamUpdate } from '../kernels/optimizers';
import type { LayerSpec, Optimizer } from '../layer';
import type { Param } from '../tensor';
import { decayFor, Slots } from './slots';

export interface AdamOptions {
  readonly beta1: number;
  readonly beta2: number;
  /** Added to √v̂ so that a parameter with no gradient history does not divide by zero. */
  readonly epsilon: number;
  /** Adam: L2 decay added to the gradient. AdamW: decoupled decay applied to the weights. */
  readonly weightDecay: number;
}

export const ADAM_DEFAULTS: AdamOptions = { beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0 };

export class Adam implements Optimizer {
  readonly type: string = 'adam';
  readonly options: AdamOptions;
  /** Number of steps taken: t in the bias corrections. */
  protected t = 0;
  private readonly m = new Slots();
  private readonly v = new Slots();

  constructor(options: Partial<AdamOptions> = {}) {
    this.options = { ...ADAM_DEFAULTS, ...options };
  }

  step(params: readonly Param[], learningRate: number): void {
    const { beta1, beta2, epsilon } = this.options;
    this.t++;
    // Folding both bias corrections into the step size (Kingma & Ba, section 2, last paragraph) would
    // change ε's meaning; we keep the algorithm-1 form so the closed-form test reads like the paper.
    const c1 = 1 / (1 - beta1 ** this.t);
    const c2 = 1 / (1 - beta2 ** this.t);
    for (const p of params) {
      const l2 = this.coupledDecay(p);
      const decoupled = learningRate * this.decoupledDecay(p);
      const scalars = { beta1, beta2, c1, c2, epsilon, lr: learningRate, l2, decoupled };
      adamUpdate(p.value.data, p.grad.data, this.m.get(p), this.v.get(p), scalars, this);
    }
  }

  /** λ added to the gradient (Adam's L2 regularisation). */
  protected coupledDecay(p: Param): number {
    return decayFor(p, this.options.weightDecay);
  }

  /** λ applied to the weights outside the adaptive step (AdamW). */
  protected decoupledDecay(_p: Param): number {
    return 0;
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: { ...this.options } };
  }
}
