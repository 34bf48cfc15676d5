import { afterEach, describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { setWasmKernels } from './index';
import { maxPool, maxPoolBackward, type PoolGeometry } from './pooling';

afterEach(() => {
  setWasmKernels(true);
});

describe('max pooling kernels', () => {
  it('WebAssembly and TypeScript give the same maxima, indices and gradients (ties, NaN, odd widths)', () => {
    const rng = new Rng(5);
    for (const [planes, height, width] of [
      [5, 24, 24],
      [3, 8, 8],
      [2, 7, 11], // 3×5 outputs: a scalar tail of one window per row, a dropped last row and column
      [1, 2, 2],
    ] as const) {
      const outH = Math.floor(height / 2);
      const outW = Math.floor(width / 2);
      const g: PoolGeometry = { planes, height, width, poolSize: 2, strides: 2, outH, outW };
      // coarse values make ties common; a few NaN
      const x = Float32Array.from({ length: planes * height * width }, () =>
        rng.uniform(0, 1) < 0.02 ? Number.NaN : Math.round(rng.uniform(-3, 3)),
      );
      const dy = Float32Array.from({ length: planes * outH * outW }, () => rng.uniform(-1, 1));
      const run = (wasm: boolean) => {
        expect(setWasmKernels(wasm)).toBe(wasm);
        const y = new Float32Array(dy.length);
        const arg = new Int32Array(dy.length);
        const dx = new Float32Array(x.length).fill(7);
        maxPool(g, x, y, arg);
        maxPoolBackward(dy, arg, dx);
        return { y, arg, dx };
      };
      const fast = run(true);
      const plain = run(false);
      expect(fast.arg).toEqual(plain.arg);
      expect(fast.y).toEqual(plain.y); // NaN equals NaN in toEqual
      expect(fast.dx).toEqual(plain.dx);
    }
  });
});
