// Classical (heavy-ball) momentum, in the form of Sutskever et al. 2013:
//   v ← μ·v − lr·(g + λ·w);   w ← w + v.
// Polyak 1964, "Some methods of speeding up the convergence of iteration methods";
// Sutskever, Martens, Dahl & Hinton 2013, "On the importance of initialization and momentum in deep
// learning", ICML, http://proceedings.mlr.press/v28/sutskever13.html
// NOTE: the learning rate sits inside the velocity, so a schedule change is smoothed by μ (unlike the
// PyTorch form v ← μ·v + g; w ← w − lr·v, which is the same only for a constant learning rate).

import { momentumUpdate } from '../kernels/optimizers';
import type { LayerSpec, Optimizer } from '../layer';
import type { Param } from '../tensor';
import { decayFor, Slots } from './slots';

export interface MomentumOptions {
  /** μ, the fraction of the previous velocity kept each step. */
  readonly momentum: number;
  /** L2 weight decay λ, added to the gradient of parameters with `decay: true`. */
  readonly weightDecay: number;
}

export const MOMENTUM_DEFAULTS: MomentumOptions = { momentum: 0.9, weightDecay: 0 };

export class Momentum implements Optimizer {
  readonly type: string = 'momentum';
  readonly options: MomentumOptions;
  protected readonly velocity = new Slots();

  constructor(options: Partial<MomentumOptions> = {}) {
    this.options = { ...MOMENTUM_DEFAULTS, ...options };
  }

  step(params: readonly Param[], learningRate: number): void {
    const mu = this.options.momentum;
    for (const p of params) {
      const l2 = decayFor(p, this.options.weightDecay);
      momentumUpdate(p.value.data, p.grad.data, this.velocity.get(p), mu, learningRate, l2, this);
    }
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: { ...this.options } };
  }
}
