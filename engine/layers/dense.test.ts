import { describe, expect, it } from 'vitest';
import { gradcheck, randomTensor } from '../gradcheck';
import { Rng } from '../rng';
import { tensor } from '../tensor';
import { Dense } from './dense';

describe('Dense', () => {
  it('computes x·W + b', () => {
    const layer = new Dense({ units: 2 });
    layer.build([3], new Rng(1));
    layer.kernel.value.data.set([1, 2, 3, 4, 5, 6]); // [3, 2]
    layer.bias.value.data.set([10, 20]);
    const y = layer.forward(tensor([1, 3], [1, 1, 1]), { training: false });
    expect([...y.data]).toEqual([19, 32]);
  });

  it('passes the gradient check (batch 3, 7 → 5)', () => {
    const layer = new Dense({ units: 5 });
    layer.build([7], new Rng(2));
    layer.bias.value.data.set([0.1, -0.2, 0.3, 0.4, -0.5]);
    const result = gradcheck(layer, randomTensor([3, 7], new Rng(3)));
    expect(result.max).toBeLessThan(1e-2);
    expect(Object.keys(result.params)).toEqual(['kernel', 'bias']);
  });

  it('without bias has only the kernel, and round-trips its config', () => {
    const layer = new Dense({ units: 4, useBias: false, kernelInitializer: 'glorotUniform' });
    layer.build([3], new Rng(1));
    expect(layer.params().map((p) => p.name)).toEqual(['kernel']);
    expect(Dense.fromJSON(layer.toJSON().config).options).toEqual(layer.options);
    expect(gradcheck(layer, randomTensor([2, 3], new Rng(4))).max).toBeLessThan(1e-2);
  });

  it('rejects an input of the wrong shape with a clear message', () => {
    const layer = new Dense({ units: 2 });
    layer.build([3], new Rng(1));
    expect(() => layer.forward(tensor([1, 4]), { training: false })).toThrow(/expected input \[batch, 3\]/);
    expect(() => new Dense({ units: 2 }).build([1, 28, 28], new Rng(1))).toThrow(/flatten/);
  });

  it('skips the input gradient when asked, still accumulating parameter gradients', () => {
    const layer = new Dense({ units: 2 });
    layer.build([3], new Rng(1));
    layer.forward(randomTensor([2, 3], new Rng(5)), { training: true });
    const dx = layer.backward(tensor([2, 2], [1, 1, 1, 1]), { inputGradient: false });
    expect(dx.shape).toEqual([2, 3]);
    expect(dx.data.length).toBe(0);
    expect([...layer.bias.grad.data]).toEqual([2, 2]);
  });
});
