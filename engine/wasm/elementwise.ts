// Elementwise kernels through WebAssembly SIMD: the arrays are copied into the module's memory, the
// loop runs there branch-free, the result is copied back. Two memcpys per array cost ~0.1–0.2
// ns/element; the JS loops they replace pay ~5 ns/element for a mispredicted branch on activations.

import { align, floats } from './memory';
import { wasmKernels } from './runtime';

/** y = max(x, 0); false when the WebAssembly kernels are not loaded. */
export function reluWasm(x: Float32Array, y: Float32Array): boolean {
  const kernels = wasmKernels();
  if (kernels === undefined) return false;
  const n = x.length;
  const f = floats(kernels, 8 * n);
  f.set(x, 0);
  kernels.relu(0, 4 * n, n);
  y.set(f.subarray(n, 2 * n));
  return true;
}

/** dx = x > 0 ? dy : 0; false when the WebAssembly kernels are not loaded. */
export function reluBackwardWasm(x: Float32Array, dy: Float32Array, dx: Float32Array): boolean {
  const kernels = wasmKernels();
  if (kernels === undefined) return false;
  const n = x.length;
  const f = floats(kernels, 12 * n);
  f.set(x, 0);
  f.set(dy.subarray(0, n), n);
  kernels.relu_backward(0, 4 * n, 8 * n, n);
  dx.set(f.subarray(2 * n, 3 * n));
  return true;
}

/** y[rows, cols] += bias[cols] on every row; false when the WebAssembly kernels are not loaded. */
export function addRowVectorWasm(y: Float32Array, rows: number, cols: number, bias: Float32Array): boolean {
  const kernels = wasmKernels();
  if (kernels === undefined) return false;
  const n = rows * cols;
  const b = align(4 * n);
  const f = floats(kernels, b + 4 * cols);
  f.set(y.subarray(0, n), 0);
  f.set(bias.subarray(0, cols), b >> 2);
  kernels.bias_act(0, b, rows, cols, 0);
  y.set(f.subarray(0, n));
  return true;
}

/** out[cols] += Σ_rows x[rows, cols]; false when the WebAssembly kernels are not loaded. */
export function sumRowsWasm(x: Float32Array, rows: number, cols: number, out: Float32Array): boolean {
  const kernels = wasmKernels();
  if (kernels === undefined) return false;
  const n = rows * cols;
  const b = align(4 * n);
  const f = floats(kernels, b + 4 * cols);
  f.set(x.subarray(0, n), 0);
  f.set(out.subarray(0, cols), b >> 2);
  kernels.sum_rows(0, rows, cols, b);
  out.set(f.subarray(b >> 2, (b >> 2) + cols));
  return true;
}
