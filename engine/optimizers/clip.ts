// Gradient clipping by global norm: if ‖g‖₂ over all parameters exceeds maxNorm, every gradient is
// scaled by maxNorm/‖g‖₂, which keeps the update direction (unlike clipping each value).
// Pascanu, Mikolov & Bengio 2013, "On the difficulty of training recurrent neural networks",
// https://arxiv.org/abs/1211.5063

import type { Param } from '../tensor';

/** ‖g‖₂ over every parameter's gradient; NaN or Infinity if any gradient is not finite. */
export function globalGradNorm(params: readonly Param[]): number {
  let sum = 0;
  for (const p of params) {
    const g = p.grad.data;
    for (let i = 0; i < g.length; i++) sum += g[i] * g[i];
  }
  return Math.sqrt(sum);
}

/** Scales the gradients in place so that their global norm is at most `maxNorm`; returns the norm before. */
export function clipGradNorm(params: readonly Param[], maxNorm: number): number {
  const norm = globalGradNorm(params);
  if (norm > maxNorm && Number.isFinite(norm)) {
    const scale = maxNorm / norm;
    for (const p of params) {
      const g = p.grad.data;
      for (let i = 0; i < g.length; i++) g[i] *= scale;
    }
  }
  return norm;
}
