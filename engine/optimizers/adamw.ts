// AdamW: Adam with weight decay decoupled from the adaptive gradient step,
//   w ← w − lr·(m̂ / (√v̂ + ε) + λ·w)
// so that decay shrinks every weight by the same fraction instead of being rescaled by 1/√v̂.
// Loshchilov & Hutter 2019, "Decoupled Weight Decay Regularization", ICLR, https://arxiv.org/abs/1711.05101
// NOTE: like PyTorch, the decay is multiplied by the scheduled learning rate (the paper's η_t·λ with η_t = lr).

import type { Param } from '../tensor';
import { ADAM_DEFAULTS, Adam, type AdamOptions } from './adam';
import { decayFor } from './slots';

export const ADAMW_DEFAULTS: AdamOptions = { ...ADAM_DEFAULTS, weightDecay: 0.01 };

export class AdamW extends Adam {
  override readonly type = 'adamw';

  constructor(options: Partial<AdamOptions> = {}) {
    super({ ...ADAMW_DEFAULTS, ...options });
  }

  protected override coupledDecay(_p: Param): number {
    return 0;
  }

  protected override decoupledDecay(p: Param): number {
    return decayFor(p, this.options.weightDecay);
  }
}
