// Elementwise and broadcast helpers on Float32Array: the small loops layers share (bias add and its
// gradient, axpy, softmax rows). Plain loops over typed arrays; nothing here allocates. ReLU and the
// Dense bias and its gradient go through WebAssembly SIMD when it is loaded (engine/wasm/elementwise.ts
// says why).

import { addRowVectorWasm, reluBackwardWasm, reluWasm, sumRowsWasm } from '../wasm/elementwise';

/** y += alpha · x over the first x.length values. */
export function axpy(alpha: number, x: Float32Array, y: Float32Array): void {
  for (let i = 0; i < x.length; i++) y[i] += alpha * x[i];
}

/** y[rows, cols] += bias[cols], for every row (Dense bias). */
export function addRowVector(y: Float32Array, rows: number, cols: number, bias: Float32Array): void {
  if (addRowVectorWasm(y, rows, cols, bias)) return;
  for (let r = 0, o = 0; r < rows; r++, o += cols) {
    for (let j = 0; j < cols; j++) y[o + j] += bias[j];
  }
}

/** out[cols] += Σ_rows x[rows, cols] (Dense bias gradient). */
export function sumRowsInto(x: Float32Array, rows: number, cols: number, out: Float32Array): void {
  if (sumRowsWasm(x, rows, cols, out)) return;
  for (let r = 0, o = 0; r < rows; r++, o += cols) {
    for (let j = 0; j < cols; j++) out[j] += x[o + j];
  }
}

/** y[batch, C, size] += bias[C] on every spatial position (Conv2D bias). */
export function addChannelVector(
  y: Float32Array,
  batch: number,
  channels: number,
  size: number,
  bias: Float32Array,
): void {
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let c = 0; c < channels; c++) {
      const v = bias[c];
      for (let i = 0; i < size; i++, o++) y[o] += v;
    }
  }
}

/** out[C] += Σ_batch Σ_spatial x[batch, C, size] (Conv2D bias gradient). */
export function sumChannelsInto(
  x: Float32Array,
  batch: number,
  channels: number,
  size: number,
  out: Float32Array,
): void {
  let o = 0;
  for (let b = 0; b < batch; b++) {
    for (let c = 0; c < channels; c++) {
      let sum = 0;
      for (let i = 0; i < size; i++, o++) sum += x[o];
      out[c] += sum;
    }
  }
}

/**
 * out[rows, cols] = softmax of each row of x.
 * NOTE: subtract the row max before exp (log-sum-exp trick): exp of a large logit overflows to
 * Infinity and Infinity/Infinity is NaN; shifting by the max leaves the result unchanged.
 */
export function softmaxRows(x: Float32Array, rows: number, cols: number, out: Float32Array): void {
  for (let r = 0, o = 0; r < rows; r++, o += cols) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) if (x[o + j] > max) max = x[o + j];
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp(x[o + j] - max);
      out[o + j] = e;
      sum += e;
    }
    const inv = 1 / sum;
    for (let j = 0; j < cols; j++) out[o + j] *= inv;
  }
}

/** True when every value is finite (no NaN, no ±Infinity). */
export function allFinite(x: Float32Array): boolean {
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (!Number.isFinite(v)) return false;
  }
  return true;
}

/** y = max(x, 0) elementwise (ReLU); NaN propagates. WebAssembly SIMD when loaded. */
export function relu(x: Float32Array, y: Float32Array): void {
  if (reluWasm(x, y)) return;
  for (let i = 0; i < x.length; i++) y[i] = Math.max(x[i], 0); // NaN propagates (a ternary would hide it as 0)
}

/** dx = x > 0 ? dy : 0 elementwise (ReLU backward, gradient 0 at x = 0). WebAssembly SIMD when loaded. */
export function reluBackward(x: Float32Array, dy: Float32Array, dx: Float32Array): void {
  if (reluBackwardWasm(x, dy, dx)) return;
  for (let i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? dy[i] : 0;
}
