// Gradient clipping by global norm: if ‖g‖₂ over all parameters exceeds maxNorm, every gradient is
// scaled by maxNorm/‖g‖₂, which keeps the update direction (unlike clipping each value).
// Pascanu, Mikolov & Bengio 2013, "On the difficulty of training recurrent neural networks",
// https://arxiv.org/abs/1211.5063

import { scaleInPlace, sumSquares } from '../kernels/optimizers';
import type { Param } from '../tensor';

/** ‖g‖₂ over every parameter's gradient; NaN or Infinity if any gradient is not finite. */
export function globalGradNorm(params: readonly Param[]): number {
  let sum = 0;
  for (const p of params) sum += sumSquares(p.grad.data);
  return Math.sqrt(sum);
}

/** Scales the gradients in place so that their global norm is at most `maxNorm`; returns the norm before. */
export function clipGradNorm(params: readonly Param[], maxNorm: number): number {
  const norm = globalGradNorm(params);
  if (norm > maxNorm && Number.isFinite(norm)) {
    for (const p of params) scaleInPlace(p.grad.data, maxNorm / norm);
  }
  return norm;
}
