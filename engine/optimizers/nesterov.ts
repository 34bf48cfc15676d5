// Nesterov accelerated gradient, in the velocity form of Sutskever et al. 2013 as rewritten by
// Bengio, Boulanger-Lewandowski & Pascanu 2013 so that the gradient is taken at the current weights:
//   v ← μ·v − lr·(g + λ·w);   w ← w + μ·v − lr·(g + λ·w)      (v already updated)
// Nesterov 1983, "A method for solving the convex programming problem with convergence rate O(1/k²)";
// Sutskever et al. 2013, http://proceedings.mlr.press/v28/sutskever13.html;
// Bengio et al. 2013, "Advances in optimizing recurrent networks", https://arxiv.org/abs/1212.0901

import type { Param } from '../tensor';
import { Momentum, type MomentumOptions } from './momentum';
import { decayFor } from './slots';

export class Nesterov extends Momentum {
  override readonly type = 'nesterov';

  constructor(options: Partial<MomentumOptions> = {}) {
    super(options);
  }

  override step(params: readonly Param[], learningRate: number): void {
    const mu = this.options.momentum;
    for (const p of params) {
      const w = p.value.data;
      const g = p.grad.data;
      const v = this.velocity.get(p);
      const l2 = decayFor(p, this.options.weightDecay);
      for (let i = 0; i < w.length; i++) {
        const step = learningRate * (g[i] + l2 * w[i]);
        v[i] = mu * v[i] - step;
        w[i] += mu * v[i] - step;
      }
    }
  }
}
