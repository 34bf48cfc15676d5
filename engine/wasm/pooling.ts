// Max pooling through WebAssembly SIMD: the input is copied in, pooled four windows at a time
// (kernels.wat `maxpool2x2`), and the maxima and their indices are copied out; backward copies the
// gradient and the indices in and dx out. The JS loop pays a compare-select chain per window on
// values that are coin flips (~17 ns per window measured on M2's first pooling under load); the
// SIMD loop and its memcpys cost a few ns.

import { inMemory, input, output } from './memory';

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
  const n = planes * oh * ow;
  return inMemory(0, [input(x, planes * h * w), output(y, n), output(argmax, n)], (k, [xp, yp, argp]) =>
    k.maxpool2x2(xp, yp, argp, planes, h, w, oh, ow),
  );
}

/** dx = 0, then dx[argmax[o]] += dy[o]; false when the WebAssembly kernels are not loaded. */
export function maxPoolBackwardWasm(dy: Float32Array, argmax: Int32Array, dx: Float32Array): boolean {
  const n = argmax.length;
  const inN = dx.length;
  return inMemory(0, [input(dy, n), input(argmax), output(dx, inN)], (k, [dyp, argp, dxp]) =>
    k.maxpool_backward(dyp, argp, dxp, n, inN),
  );
}
