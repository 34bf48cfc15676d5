import { describe, expect, it } from 'vitest';
import { gradcheckLoss, randomTensor } from '../gradcheck';
import { Rng } from '../rng';
import { tensor } from '../tensor';
import { createLoss } from './index';
import { MeanSquaredError } from './mse';

describe('MeanSquaredError', () => {
  it('is ½ Σ (actual − desired)² averaged over the batch, on sigmoid outputs', () => {
    const loss = new MeanSquaredError();
    // σ(0) = 0.5 everywhere: the true class errs by −0.5, the other two by +0.5
    expect(loss.forward(tensor([2, 3]), new Int32Array([0, 1]))).toBeCloseTo(0.5 * 3 * 0.25, 6);
    // dE/dz = (a − t)·a(1 − a)/B = ±0.5 · 0.25 / 2
    expect([...loss.backward().data.subarray(0, 3)]).toEqual([-0.0625, 0.0625, 0.0625]);
  });

  for (const sigmoid of [true, false]) {
    it(`passes the gradient check (batch 3, 5 classes, sigmoid ${sigmoid})`, () => {
      const loss = new MeanSquaredError({ sigmoid });
      expect(
        gradcheckLoss(loss, randomTensor([3, 5], new Rng(3), -2, 2), new Int32Array([4, 1, 0])),
      ).toBeLessThan(1e-2);
    });
  }

  it('is built from a spec', () => {
    expect(createLoss({ type: 'meanSquaredError', config: {} }).type).toBe('meanSquaredError');
    expect(() => createLoss({ type: 'hinge', config: {} })).toThrow(/unknown loss type 'hinge'/);
  });
});
