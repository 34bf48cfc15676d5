// Max pooling over NCHW planes ('valid': windows that would run off the edge are dropped), with the
// index of each maximum kept for backward. The 2×2, stride 2 window (LeNet's) runs in WebAssembly
// SIMD when it is loaded; other windows and the fallback are the TypeScript loops here.
// NOTE: on ties the first maximum in row-major window order wins (strict >), on every path.

import { maxPool2x2Wasm, maxPoolBackwardWasm } from '../wasm/pooling';

export interface PoolGeometry {
  /** batch · channels */
  readonly planes: number;
  readonly height: number;
  readonly width: number;
  readonly poolSize: number;
  readonly strides: number;
  readonly outH: number;
  readonly outW: number;
}

/** y[planes, outH, outW] = window maxima of x; argmax[o] = the index in x each came from. */
export function maxPool(g: PoolGeometry, x: Float32Array, y: Float32Array, argmax: Int32Array): void {
  const { planes, height, width, poolSize, strides, outH, outW } = g;
  if (poolSize === 2 && strides === 2) {
    if (maxPool2x2Wasm(x, y, argmax, planes, height, width, outH, outW)) return;
    pool2x2(x, y, argmax, planes, height, width, outH, outW);
    return;
  }
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * height * width;
    for (let oy = 0; oy < outH; oy++) {
      for (let ox = 0; ox < outW; ox++, o++) {
        let best = base + oy * strides * width + ox * strides;
        let max = x[best];
        for (let ky = 0; ky < poolSize; ky++) {
          const row = base + (oy * strides + ky) * width + ox * strides;
          for (let kx = 0; kx < poolSize; kx++) {
            if (x[row + kx] > max) {
              max = x[row + kx];
              best = row + kx;
            }
          }
        }
        y[o] = max;
        argmax[o] = best;
      }
    }
  }
}

/** dx = 0, then each output's gradient added where its maximum came from. */
export function maxPoolBackward(dy: Float32Array, argmax: Int32Array, dx: Float32Array): void {
  if (maxPoolBackwardWasm(dy, argmax, dx)) return;
  dx.fill(0);
  for (let o = 0; o < argmax.length; o++) dx[argmax[o]] += dy[o];
}

/**
 * The 2×2, stride 2 window in TypeScript: four loads and compare-selects per output, no inner loops.
 * NOTE: written as selects rather than if-blocks so that V8 can use conditional moves: on
 * activations the comparisons are coin flips, and a mispredicted branch costs ~5 ns.
 */
function pool2x2(
  xd: Float32Array,
  y: Float32Array,
  argmax: Int32Array,
  planes: number,
  height: number,
  width: number,
  outH: number,
  outW: number,
): void {
  let o = 0;
  for (let plane = 0; plane < planes; plane++) {
    const base = plane * height * width;
    for (let oy = 0; oy < outH; oy++) {
      let i = base + 2 * oy * width;
      for (let ox = 0; ox < outW; ox++, o++, i += 2) {
        // first maximum wins ties, as in the general loop (strict >)
        let max = xd[i];
        let best = i;
        const b = xd[i + 1];
        best = b > max ? i + 1 : best;
        // biome-ignore lint/complexity/useMathMinMax: Math.max would propagate NaN; the window loop keeps the first value
        max = b > max ? b : max;
        const c = xd[i + width];
        best = c > max ? i + width : best;
        // biome-ignore lint/complexity/useMathMinMax: Math.max would propagate NaN; the window loop keeps the first value
        max = c > max ? c : max;
        const d = xd[i + width + 1];
        best = d > max ? i + width + 1 : best;
        // biome-ignore lint/complexity/useMathMinMax: Math.max would propagate NaN; the window loop keeps the first value
        max = d > max ? d : max;
        y[o] = max;
        argmax[o] = best;
      }
    }
  }
}
