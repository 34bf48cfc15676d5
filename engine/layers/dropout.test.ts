import { describe, expect, it } from 'vitest';
import { gradcheck, randomTensor } from '../gradcheck';
import { Rng } from '../rng';
import { tensor } from '../tensor';
import { Dropout } from './dropout';

describe('Dropout', () => {
  it('is the identity at inference', () => {
    const layer = new Dropout({ rate: 0.5 });
    const x = randomTensor([3, 5], new Rng(1));
    expect(layer.forward(x, { training: false }).data).toEqual(x.data);
  });

  it('drops about `rate` of the values and scales the rest by 1/(1 − rate) (inverted dropout)', () => {
    const layer = new Dropout({ rate: 0.25 });
    const x = tensor([1, 10000]);
    x.data.fill(1);
    const y = layer.forward(x, { training: true, rng: new Rng(2) });
    const kept = y.data.filter((v) => v !== 0);
    expect(kept.length / y.data.length).toBeGreaterThan(0.73);
    expect(kept.length / y.data.length).toBeLessThan(0.77);
    expect(kept.every((v) => Math.abs(v - 4 / 3) < 1e-6)).toBe(true);
  });

  it('passes the gradient check with a fixed mask (same seed every forward)', () => {
    const layer = new Dropout({ rate: 0.3 });
    const options = { forwardOptions: () => ({ training: true, rng: new Rng(9) }) };
    expect(gradcheck(layer, randomTensor([3, 2, 5, 7], new Rng(3)), options).max).toBeLessThan(1e-2);
  });

  it('needs an rng when training, and rejects a rate of 1', () => {
    expect(() => new Dropout().forward(tensor([1, 2]), { training: true })).toThrow(/rng/);
    expect(() => new Dropout({ rate: 1 })).toThrow(/rate/);
  });
});
