// The spectral norm ‖W‖₂ (largest singular value) by power iteration on WᵀW, used to make the
// recurrent weights contractive at initialisation so that the fixed point exists and is found.

import type { Rng } from '../rng';

/** Largest singular value of the row-major [rows, cols] matrix `w` (power iteration, float64). */
export function spectralNorm(w: Float32Array, rows: number, cols: number, rng: Rng, iterations = 50): number {
  let v = new Float64Array(cols);
  for (let j = 0; j < cols; j++) v[j] = rng.normal();
  const u = new Float64Array(rows);
  let sigma = 0;
  for (let it = 0; it < iterations; it++) {
    normalize(v);
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let j = 0; j < cols; j++) s += w[i * cols + j] * v[j];
      u[i] = s;
    }
    sigma = Math.sqrt(dot(u, u));
    const next = new Float64Array(cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) next[j] += w[i * cols + j] * u[i];
    v = next;
  }
  return sigma;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

function normalize(v: Float64Array): void {
  const n = Math.sqrt(dot(v, v)) || 1;
  for (let i = 0; i < v.length; i++) v[i] /= n;
}
