import { describe, expect, it } from 'vitest';
import { gradcheck, randomTensor } from '../gradcheck';
import { Rng } from '../rng';
import { Flatten } from './flatten';

describe('Flatten', () => {
  it('views [B, C, H, W] as [B, C·H·W] and back, and passes the gradient check', () => {
    const layer = new Flatten();
    expect(layer.build([2, 5, 7])).toEqual([70]);
    const x = randomTensor([3, 2, 5, 7], new Rng(1));
    const y = layer.forward(x, { training: false });
    expect(y.shape).toEqual([3, 70]);
    expect(y.data).toBe(x.data);
    expect(layer.backward(y).shape).toEqual([3, 2, 5, 7]);
    expect(gradcheck(layer, x).max).toBeLessThan(1e-2);
  });
});
