import { describe, expect, it } from 'vitest';
import { gradcheck, randomTensor, relativeError } from './gradcheck';
import type { Layer } from './layer';
import { Rng } from './rng';
import { type Param, param, type Tensor, tensor } from './tensor';

/** y = w·x² elementwise, with a backward pass that can be broken on purpose. */
function square(broken: boolean): Layer {
  const w: Param = param('w', [1]);
  w.value.data[0] = 1.5;
  let input: Tensor | undefined;
  return {
    type: 'square',
    shapes: (shape) => ({ output: shape, params: [{ name: 'w', shape: [1] }], state: [] }),
    build: (shape) => shape,
    forward(x) {
      input = x;
      return tensor(
        x.shape,
        x.data.map((v) => w.value.data[0] * v * v),
      );
    },
    backward(dOut) {
      const x = input!;
      for (let i = 0; i < x.data.length; i++) w.grad.data[0] += dOut.data[i] * x.data[i] * x.data[i];
      const factor = broken ? 2.2 : 2;
      return tensor(
        x.shape,
        x.data.map((v, i) => factor * w.value.data[0] * v * dOut.data[i]),
      );
    },
    params: () => [w],
    toJSON: () => ({ type: 'square', config: {} }),
  };
}

describe('gradcheck', () => {
  it('accepts a correct backward pass and reports every parameter', () => {
    const result = gradcheck(square(false), randomTensor([3, 4], new Rng(1)));
    expect(result.max).toBeLessThan(1e-3);
    expect(Object.keys(result.params)).toEqual(['w']);
  });

  it('catches a backward pass that is 10% off', () => {
    const result = gradcheck(square(true), randomTensor([3, 4], new Rng(1)));
    expect(result.input).toBeGreaterThan(0.05);
    expect(result.params.w).toBeLessThan(1e-3);
  });

  it('compares tiny gradients absolutely (floor)', () => {
    expect(relativeError(1e-9, 0, 1e-2)).toBeLessThan(1e-6);
    expect(relativeError(2, 1, 1e-2)).toBe(0.5);
  });
});
