// The optimizers' per-weight loops: momentum and Adam updates, Σ g² for the gradient norm, and the
// gradient add of the two-thread mode. WebAssembly SIMD when it is loaded (engine/wasm/optimizers.ts
// says why it pays on memory-bound loops), these TypeScript loops otherwise; the TypeScript loops
// compute in float64 and round once per store, the WebAssembly ones in float32
// (engine/wasm/optimizers.test.ts compares them).

import { releaseResident } from '../wasm/memory';
import {
  type AdamScalars,
  adamWasm,
  addWasm,
  type MomentumArgs,
  momentumWasm,
  sumSquaresWasm,
} from '../wasm/optimizers';

export type { AdamScalars };

/**
 * Heavy-ball momentum: v ← μ·v − lr·(g + λ·w); w ← w + v. `owner`: the optimizer whose v may stay in
 * WebAssembly memory between steps (its JS array is then brought up to date before this loop reads it).
 */
export function momentumUpdate(...args: MomentumArgs): void {
  if (momentumWasm(...args)) return;
  releaseResident();
  const [w, g, v, mu, lr, l2] = args;
  for (let i = 0; i < w.length; i++) {
    v[i] = mu * v[i] - lr * (g[i] + l2 * w[i]);
    w[i] += v[i];
  }
}

/**
 * One Adam/AdamW step: g′ = g + λ·w; m ← β1·m + (1−β1)·g′; v ← β2·v + (1−β2)·g′²;
 * w ← w − lr·m·c1 / (√(v·c2) + ε) − decoupled·w. `owner`: as for momentumUpdate, m and v may stay
 * in WebAssembly memory between steps.
 */
export function adamUpdate(
  w: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  s: AdamScalars,
  owner?: object,
): void {
  if (adamWasm(w, g, m, v, s, owner)) return;
  releaseResident();
  const { beta1, beta2, c1, c2, epsilon, lr, l2, decoupled } = s;
  for (let i = 0; i < w.length; i++) {
    const gi = g[i] + l2 * w[i];
    m[i] = beta1 * m[i] + (1 - beta1) * gi;
    v[i] = beta2 * v[i] + (1 - beta2) * gi * gi;
    w[i] -= (lr * (m[i] * c1)) / (Math.sqrt(v[i] * c2) + epsilon) + decoupled * w[i];
  }
}

/** Σ x² in float64. */
export function sumSquares(x: Float32Array): number {
  const wasm = sumSquaresWasm(x);
  if (wasm !== undefined) return wasm;
  // four partial sums: one running sum is a chain of dependent adds (~4 cycles each), 4× slower
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const n4 = x.length & ~3;
  let i = 0;
  for (; i < n4; i += 4) {
    s0 += x[i] * x[i];
    s1 += x[i + 1] * x[i + 1];
    s2 += x[i + 2] * x[i + 2];
    s3 += x[i + 3] * x[i + 3];
  }
  for (; i < x.length; i++) s0 += x[i] * x[i];
  return s0 + s1 + s2 + s3;
}

/** y += x over y.length values. */
export function addInto(x: Float32Array, y: Float32Array): void {
  if (addWasm(x, y)) return;
  for (let i = 0; i < y.length; i++) y[i] += x[i];
}

/** x *= factor. */
export function scaleInPlace(x: Float32Array, factor: number): void {
  for (let i = 0; i < x.length; i++) x[i] *= factor;
}
