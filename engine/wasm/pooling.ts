// Max pooling through WebAssembly SIMD: the input is copied in, pooled four windows at a time
// (kernels.wat `maxpool2x2`), and the maxima and their indices are copied out; backward copies the
// gradient and the indices in and dx out. The JS loop pays a compare-select chain per window on
// values that are coin flips (~17 ns per window measured on M2's first pooling under load); the
// SIMD loop and its memcpys cost a few ns.

import { align, floats } from './memory';
import { wasmKernels } from './runtime';

/** 2×2, stride 2 max pooling of `planes` planes [h, w] into [oh, ow]; false when not loaded. */
export function maxPool2x2Wasm(
  x: Float32Array,
  y: Float32Array,
  argmax: Int32Array,
  planes: number,
  h: number,
  w: number,
  oh: number,
  ow: number,
): boolean {
  const kernels = wasmKernels();
  if (kernels === undefined) return false;
  const inN = planes * h * w;
  const n = planes * oh * ow;
  const yPtr = align(4 * inN);
  const argPtr = align(yPtr + 4 * n);
  const f = floats(kernels, argPtr + 4 * n);
  f.set(x.subarray(0, inN), 0);
  kernels.maxpool2x2(0, yPtr, argPtr, planes, h, w, oh, ow);
  y.set(f.subarray(yPtr >> 2, (yPtr >> 2) + n));
  argmax.set(new Int32Array(f.buffer, argPtr, n));
  return true;
}

/** dx = 0, then dx[argmax[o]] += dy[o]; false when the WebAssembly kernels are not loaded. */
export function maxPoolBackwardWasm(dy: Float32Array, argmax: Int32Array, dx: Float32Array): boolean {
  const kernels = wasmKernels();
  if (kernels === undefined) return false;
  const n = argmax.length;
  const inN = dx.length;
  const argPtr = align(4 * n);
  const dxPtr = align(argPtr + 4 * n);
  const f = floats(kernels, dxPtr + 4 * inN);
  f.set(dy.subarray(0, n), 0);
  new Int32Array(f.buffer, argPtr, n).set(argmax);
  kernels.maxpool_backward(0, argPtr, dxPtr, n, inN);
  dx.set(f.subarray(dxPtr >> 2, (dxPtr >> 2) + inN));
  return true;
}
