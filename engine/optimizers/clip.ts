// Gradient clipping by global norm: if ‖g‖₂ over all parameters exceeds maxNorm, every gradient is
// scaled by maxNorm/‖g‖₂, which keeps the update direction (unlike clipping each value).
// Pascanu, Mikolov & Bengio 2013, "On the difficulty of training recurrent neural networks",
// https://arxiv.org/abs/1211.5063

import type { Param } from '../tensor';
import { sumSquaresWasm } from '../wasm/optimizers';

/** ‖g‖₂ over every parameter's gradient; NaN or Infinity if any gradient is not finite. */
export function globalGradNorm(params: readonly Param[]): number {
  // four partial sums: one running sum is a chain of dependent adds (~4 cycles each), 4× slower
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  for (const p of params) {
    const g = p.grad.data;
    const wasm = sumSquaresWasm(g); // float64 sums in f32x4 lanes when loaded
    if (wasm !== undefined) {
      s0 += wasm;
      continue;
    }
    const n4 = g.length & ~3;
    let i = 0;
    for (; i < n4; i += 4) {
      s0 += g[i] * g[i];
      s1 += g[i + 1] * g[i + 1];
      s2 += g[i + 2] * g[i + 2];
      s3 += g[i + 3] * g[i + 3];
    }
    for (; i < g.length; i++) s0 += g[i] * g[i];
  }
  return Math.sqrt(s0 + s1 + s2 + s3);
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
