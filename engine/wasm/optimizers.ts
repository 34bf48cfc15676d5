// Optimizer updates and the gradient norm through WebAssembly SIMD. The arrays are copied into the
// module's memory (TypedArray.set, a memcpy), updated there in f32x4 lanes and copied back. The update
// is memory-bound, but the JS loop is not at the memory's speed: it converts every float32 to float64
// and back and reloads through possible aliasing (~2.8 ns per weight measured on M1's 235k weights);
// five memcpys and the SIMD loop cost ~0.5 ns per weight.

import { inMemory, inOut, input, resident } from './memory';

/** A momentum step's arguments: weights, gradient, velocity, μ, learning rate, L2 λ. */
export type MomentumArgs = [
  w: Float32Array,
  g: Float32Array,
  v: Float32Array,
  mu: number,
  lr: number,
  l2: number,
  /** Who keeps v resident in WebAssembly memory between steps; undefined: copied in and out. */
  owner?: object,
];

/**
 * v ← μ·v − lr·(g + λ·w); w ← w + v. With an `owner` (the optimizer), v stays resident in memory
 * between steps (memory.ts `resident`): w and g are copied in and w out, three copies instead of five.
 * False when the WebAssembly kernels are not loaded.
 */
export function momentumWasm(...[w, g, v, mu, lr, l2, owner]: MomentumArgs): boolean {
  const n = w.length;
  const vAt = owner === undefined ? undefined : resident(owner, v);
  if (vAt !== undefined) {
    return inMemory(0, [inOut(w), input(g, n)], (k, [wp, gp]) => k.momentum(wp, gp, vAt, n, mu, lr, l2));
  }
  return inMemory(0, [inOut(w), input(g, n), inOut(v, n)], (k, [wp, gp, vp]) =>
    k.momentum(wp, gp, vp, n, mu, lr, l2),
  );
}

export interface AdamScalars {
  readonly beta1: number;
  readonly beta2: number;
  /** 1 / (1 − β1ᵗ) */
  readonly c1: number;
  /** 1 / (1 − β2ᵗ) */
  readonly c2: number;
  readonly epsilon: number;
  readonly lr: number;
  /** coupled L2 λ, added to the gradient */
  readonly l2: number;
  /** lr · decoupled decay (AdamW) */
  readonly decoupled: number;
}

/**
 * One Adam/AdamW step over w with moments m, v; with an `owner` (the optimizer) m and v stay resident
 * in memory between steps (three copies instead of seven). False when the WebAssembly kernels are not loaded.
 */
export function adamWasm(
  w: Float32Array,
  g: Float32Array,
  m: Float32Array,
  v: Float32Array,
  s: AdamScalars,
  owner?: object,
): boolean {
  const n = w.length;
  const mAt = owner === undefined ? undefined : resident(owner, m);
  const vAt = owner === undefined ? undefined : resident(owner, v);
  const kept = mAt !== undefined && vAt !== undefined;
  const regions = kept ? [inOut(w), input(g, n)] : [inOut(w), input(g, n), inOut(m, n), inOut(v, n)];
  return inMemory(0, regions, (k, [wp, gp, mp, vp]) =>
    k.adam(
      wp,
      gp,
      kept ? mAt : mp,
      kept ? vAt : vp,
      n,
      s.beta1,
      1 - s.beta1,
      s.beta2,
      1 - s.beta2,
      s.c1,
      s.c2,
      s.epsilon,
      s.lr,
      s.l2,
      s.decoupled,
    ),
  );
}

/** Σ x² in float64, or undefined when the WebAssembly kernels are not loaded. */
export function sumSquaresWasm(x: Float32Array): number | undefined {
  let sum: number | undefined;
  inMemory(0, [input(x)], (k, [xp]) => {
    sum = k.sum_squares(xp, x.length);
  });
  return sum;
}

/** y += x over y.length floats; false when the WebAssembly kernels are not loaded. */
export function addWasm(x: Float32Array, y: Float32Array): boolean {
  const n = y.length;
  return inMemory(0, [input(x, n), inOut(y)], (k, [xp, yp]) => k.add(xp, yp, n));
}
