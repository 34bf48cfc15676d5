import { describe, expect, it } from 'vitest';
import { gradcheck, randomTensor } from '../gradcheck';
import { Rng } from '../rng';
import { tensor } from '../tensor';
import { setWasmKernels } from '../wasm/runtime';
import { Conv2D } from './conv2d';

describe('Conv2D', () => {
  it('infers output shapes for valid, same, stride and numeric padding', () => {
    const shape = (options: ConstructorParameters<typeof Conv2D>[0], input: number[]) =>
      new Conv2D(options).build(input, new Rng(1));
    expect(shape({ filters: 6, kernelSize: 5 }, [1, 28, 28])).toEqual([6, 24, 24]);
    expect(shape({ filters: 6, kernelSize: 5, padding: 'same' }, [1, 28, 28])).toEqual([6, 28, 28]);
    expect(shape({ filters: 4, kernelSize: 3, strides: 2, padding: 'same' }, [2, 5, 7])).toEqual([4, 3, 4]);
    expect(shape({ filters: 4, kernelSize: 3, strides: 2, padding: 1 }, [2, 5, 7])).toEqual([4, 3, 4]);
    expect(shape({ filters: 4, kernelSize: [3, 1] }, [2, 5, 7])).toEqual([4, 3, 7]);
  });

  it('a 1×1 kernel of ones sums channels', () => {
    const layer = new Conv2D({ filters: 1, kernelSize: 1 });
    layer.build([2, 1, 2], new Rng(1));
    layer.kernel.value.data.fill(1);
    const y = layer.forward(tensor([1, 2, 1, 2], [1, 2, 3, 4]), { training: false });
    expect([...y.data]).toEqual([4, 6]);
  });

  for (const [padding, strides] of [
    ['valid', 1],
    ['same', 2],
    [1, 2],
  ] as const) {
    it(`passes the gradient check: batch 3, 2×5×7, 3×3 kernel, padding ${padding}, stride ${strides}`, () => {
      const layer = new Conv2D({ filters: 3, kernelSize: 3, padding, strides });
      layer.build([2, 5, 7], new Rng(2));
      layer.bias.value.data.set([0.1, -0.2, 0.3]);
      const result = gradcheck(layer, randomTensor([3, 2, 5, 7], new Rng(3)));
      expect(result.max).toBeLessThan(1e-2);
    });
  }

  it('builds its columns inside WebAssembly memory with the TypeScript results (float tolerance)', () => {
    for (const [padding, strides, kernelSize] of [
      ['valid', 1, 5],
      ['same', 1, 3],
      ['same', 2, 3],
      [2, 3, 4],
    ] as const) {
      const run = (wasm: boolean) => {
        expect(setWasmKernels(wasm)).toBe(wasm);
        const layer = new Conv2D({ filters: 5, kernelSize, padding, strides });
        layer.build([3, 11, 9], new Rng(2));
        const x = randomTensor([4, 3, 11, 9], new Rng(3));
        const y = layer.forward(x, { training: true }).data.slice();
        const dx = layer.backward(
          randomTensor([4, ...layer.forward(x, { training: true }).shape.slice(1)], new Rng(4)),
        );
        setWasmKernels(true);
        return { y, dx: dx.data.slice(), dW: layer.kernel.grad.data.slice() };
      };
      const fast = run(true);
      const plain = run(false);
      for (const key of ['y', 'dx', 'dW'] as const) {
        fast[key].forEach((v, i) => {
          expect(Math.abs(v - plain[key][i]), `${key} padding ${padding} stride ${strides}`).toBeLessThan(
            1e-4,
          );
        });
      }
    }
  });

  it('round-trips its config', () => {
    const layer = new Conv2D({ filters: 3, kernelSize: [3, 2], strides: 2, padding: 'same', useBias: false });
    const again = Conv2D.fromJSON(JSON.parse(JSON.stringify(layer.toJSON().config)));
    expect(again.build([1, 9, 9], new Rng(1))).toEqual(layer.build([1, 9, 9], new Rng(1)));
    expect(again.params().map((p) => p.name)).toEqual(['kernel']);
  });

  it('rejects bad options', () => {
    expect(() => new Conv2D({ filters: 0, kernelSize: 3 })).toThrow(/filters/);
    expect(() => Conv2D.fromJSON({ filters: 2, kernelSize: 3, padding: 'full' })).toThrow(/padding/);
  });
});
