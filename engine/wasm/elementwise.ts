// Elementwise kernels through WebAssembly SIMD: the arrays are copied into the module's memory, the
// loop runs there branch-free, the result is copied back. Two memcpys per array cost ~0.1–0.2
// ns/element; the JS loops they replace pay ~5 ns/element for a mispredicted branch on activations.

import { inMemory, inOut, input, output } from './memory';

/** y = max(x, 0); false when the WebAssembly kernels are not loaded. */
export function reluWasm(x: Float32Array, y: Float32Array): boolean {
  const n = x.length;
  return inMemory(0, [input(x), output(y, n)], (k, [xp, yp]) => k.relu(xp, yp, n));
}

/** dx = x > 0 ? dy : 0; false when the WebAssembly kernels are not loaded. */
export function reluBackwardWasm(x: Float32Array, dy: Float32Array, dx: Float32Array): boolean {
  const n = x.length;
  return inMemory(0, [input(x), input(dy, n), output(dx, n)], (k, [xp, dyp, dxp]) =>
    k.relu_backward(xp, dyp, dxp, n),
  );
}

/** y[rows, cols] += bias[cols] on every row; false when the WebAssembly kernels are not loaded. */
export function addRowVectorWasm(y: Float32Array, rows: number, cols: number, bias: Float32Array): boolean {
  return inMemory(0, [inOut(y, rows * cols), input(bias, cols)], (k, [yp, bp]) =>
    k.bias_act(yp, bp, rows, cols, 0),
  );
}

/** out[cols] += Σ_rows x[rows, cols]; false when the WebAssembly kernels are not loaded. */
export function sumRowsWasm(x: Float32Array, rows: number, cols: number, out: Float32Array): boolean {
  return inMemory(0, [input(x, rows * cols), inOut(out, cols)], (k, [xp, op]) =>
    k.sum_rows(xp, rows, cols, op),
  );
}
