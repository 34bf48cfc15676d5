import { afterEach, describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { ConvWorkspace, convBackward, convForward } from './conv';
import { type ConvGeometry, convAxis } from './im2col';
import { setWasmKernels } from './index';

afterEach(() => {
  setWasmKernels(true);
});

const random = (rng: Rng, n: number, sparsity = 0) =>
  Float32Array.from({ length: n }, () => (rng.uniform(0, 1) < sparsity ? 0 : rng.uniform(-1, 1)));

describe('convolution backward', () => {
  it('WebAssembly (one visit: reorder, bias sums, dW, dx) agrees with the TypeScript loops', () => {
    const rng = new Rng(21);
    // [channels, size, kernel, filters, batch, padding]: M2's layers, and planes of 9 and 7×7 = 49
    // values (off the f32x4 width: the scalar tail of the reorder and the bias sums)
    for (const [channels, size, kernel, filters, batch, pad] of [
      [1, 28, 5, 8, 3, 0],
      [6, 12, 5, 16, 2, 0],
      [2, 5, 3, 3, 2, 0],
      [3, 7, 3, 5, 1, 1],
    ] as const) {
      const axis = convAxis(size, kernel, 1, pad);
      const g: ConvGeometry = {
        channels,
        height: size,
        width: size,
        kernelH: kernel,
        kernelW: kernel,
        strideH: 1,
        strideW: 1,
        padTop: axis.padBefore,
        padLeft: axis.padBefore,
        outH: axis.out,
        outW: axis.out,
      };
      const taps = channels * kernel * kernel;
      const x = random(rng, batch * channels * size * size, 0.3);
      const w = random(rng, filters * taps);
      const dy = random(rng, batch * filters * axis.out * axis.out, 0.5);
      const dW0 = random(rng, filters * taps);
      const bias0 = random(rng, filters);
      const run = (wasm: boolean, withDx: boolean) => {
        expect(setWasmKernels(wasm)).toBe(wasm);
        const work = new ConvWorkspace();
        convForward(g, batch, filters, w, undefined, false, x, new Float32Array(dy.length), work);
        const dW = dW0.slice();
        const bias = bias0.slice();
        const dx = withDx ? new Float32Array(x.length).fill(7) : undefined;
        convBackward(g, batch, filters, w, dy, x, dW, bias, dx, work);
        return { dW, bias, dx };
      };
      for (const withDx of [true, false]) {
        const fast = run(true, withDx);
        const plain = run(false, withDx);
        for (const [name, got, want] of [
          ['dW', fast.dW, plain.dW],
          ['bias', fast.bias, plain.bias],
          ['dx', fast.dx, plain.dx],
        ] as const) {
          if (want === undefined) {
            expect(got, name).toBeUndefined();
            continue;
          }
          let worst = 0;
          for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got![i] - want[i]));
          expect(worst, `${name} at ${[channels, size, kernel, filters, batch, pad]}`).toBeLessThan(1e-4);
        }
      }
    }
  });
});
