// Plain stochastic gradient descent: w ← w − lr·(g + λ·w).
// Robbins & Monro 1951, "A Stochastic Approximation Method", https://doi.org/10.1214/aoms/1177729586

import type { LayerSpec, Optimizer } from '../layer';
import type { Param } from '../tensor';
import { decayFor } from './slots';

export interface SgdOptions {
  /** L2 weight decay λ, added to the gradient of parameters with `decay: true`. */
  readonly weightDecay: number;
}

export const SGD_DEFAULTS: SgdOptions = { weightDecay: 0 };

export class Sgd implements Optimizer {
  readonly type = 'sgd';
  readonly options: SgdOptions;

  constructor(options: Partial<SgdOptions> = {}) {
    this.options = { ...SGD_DEFAULTS, ...options };
  }

  step(params: readonly Param[], learningRate: number): void {
    for (const p of params) {
      const w = p.value.data;
      const g = p.grad.data;
      const l2 = decayFor(p, this.options.weightDecay);
      for (let i = 0; i < w.length; i++) w[i] -= learningRate * (g[i] + l2 * w[i]);
    }
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: { ...this.options } };
  }
}
