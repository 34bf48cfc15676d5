// ReLU, LeakyReLU, Sigmoid and Tanh: gradient checks on odd shapes, the kinks, and values.
import { describe, expect, it } from 'vitest';
import { awayFromKinks, gradcheck, randomTensor } from '../gradcheck';
import { Rng } from '../rng';
import { tensor } from '../tensor';
import { LeakyReLU } from './leaky-relu';
import { ReLU } from './relu';
import { Sigmoid } from './sigmoid';
import { Tanh } from './tanh';

/** Inputs kept farther than 0.05 from 0 (the kink), so central differences do not straddle it. */
const awayFromZero = (shape: number[], seed: number) => awayFromKinks(randomTensor(shape, new Rng(seed)));

describe('activations', () => {
  for (const layer of [new ReLU(), new LeakyReLU({ alpha: 0.2 }), new Sigmoid(), new Tanh()]) {
    it(`${layer.type} passes the gradient check on [3, 2, 5, 7]`, () => {
      layer.build([2, 5, 7]);
      expect(gradcheck(layer, awayFromZero([3, 2, 5, 7], 1)).max).toBeLessThan(1e-2);
    });
  }

  it('NOTE: ReLU at exactly 0 has gradient 0; LeakyReLU has slope alpha', () => {
    const x = tensor([1, 3], [-1, 0, 2]);
    const dOut = tensor([1, 3], [1, 1, 1]);
    const relu = new ReLU();
    expect([...relu.forward(x, { training: true }).data]).toEqual([0, 0, 2]);
    expect([...relu.backward(dOut).data]).toEqual([0, 0, 1]);
    const leaky = new LeakyReLU({ alpha: 0.5 });
    expect([...leaky.forward(x, { training: true }).data]).toEqual([-0.5, 0, 2]);
    expect([...leaky.backward(dOut).data]).toEqual([0.5, 0.5, 1]);
  });

  it('sigmoid and tanh stay finite for huge inputs', () => {
    const x = tensor([1, 4], [-1000, -50, 50, 1000]);
    expect([...new Sigmoid().forward(x, { training: false }).data]).toEqual([0, expect.any(Number), 1, 1]);
    expect([...new Tanh().forward(x, { training: false }).data]).toEqual([-1, -1, 1, 1]);
  });

  it('LeakyReLU round-trips its config', () => {
    expect(LeakyReLU.fromJSON(new LeakyReLU({ alpha: 0.3 }).toJSON().config).options.alpha).toBe(0.3);
  });
});
