import { describe, expect, it } from 'vitest';
import { gradcheckLoss, randomTensor } from '../gradcheck';
import { Rng } from '../rng';
import { tensor } from '../tensor';
import { SoftmaxCrossEntropy, UNIFORM_TARGET } from './softmax-cross-entropy';

describe('SoftmaxCrossEntropy', () => {
  it('equals −log(1/K) for equal logits, and the mean over the batch', () => {
    const loss = new SoftmaxCrossEntropy();
    expect(loss.forward(tensor([2, 4]), new Int32Array([0, 3]))).toBeCloseTo(Math.log(4), 6);
  });

  it('is stable for huge logits (log-sum-exp)', () => {
    const loss = new SoftmaxCrossEntropy();
    const value = loss.forward(tensor([1, 3], [1000, 0, -1000]), new Int32Array([1]));
    expect(value).toBeCloseTo(1000, 3);
    expect([...loss.backward().data].every(Number.isFinite)).toBe(true);
  });

  it('its gradient rows sum to 0 (softmax sums to 1)', () => {
    const loss = new SoftmaxCrossEntropy({ labelSmoothing: 0.1 });
    loss.forward(randomTensor([3, 5], new Rng(1), -3, 3), new Int32Array([0, 4, 2]));
    const g = loss.backward().data;
    for (let b = 0; b < 3; b++) {
      let sum = 0;
      for (let k = 0; k < 5; k++) sum += g[b * 5 + k];
      expect(sum).toBeCloseTo(0, 6);
    }
  });

  for (const labelSmoothing of [0, 0.1]) {
    it(`passes the gradient check (batch 3, 7 classes, label smoothing ${labelSmoothing})`, () => {
      const loss = new SoftmaxCrossEntropy({ labelSmoothing });
      const logits = randomTensor([3, 7], new Rng(2), -2, 2);
      expect(gradcheckLoss(loss, logits, new Int32Array([6, 0, 3]))).toBeLessThan(1e-2);
    });
  }

  it('pulls a sample labelled UNIFORM_TARGET towards 1/K on every class (outlier exposure)', () => {
    const loss = new SoftmaxCrossEntropy();
    // equal logits already are uniform: loss log K, zero gradient
    expect(loss.forward(tensor([1, 4]), new Int32Array([UNIFORM_TARGET]))).toBeCloseTo(Math.log(4), 6);
    expect([...loss.backward().data].every((g) => Math.abs(g) < 1e-7)).toBe(true);
    const logits = randomTensor([3, 5], new Rng(4), -2, 2);
    expect(gradcheckLoss(loss, logits, new Int32Array([2, UNIFORM_TARGET, 0]))).toBeLessThan(1e-2);
    // any other negative label is still refused
    expect(() => loss.forward(tensor([1, 4]), new Int32Array([-2]))).toThrow(/not a class/);
  });

  it('rejects targets that are not classes', () => {
    const loss = new SoftmaxCrossEntropy();
    expect(() => loss.forward(tensor([1, 3]), new Int32Array([3]))).toThrow(/not a class/);
    expect(() => loss.forward(tensor([2, 3]), new Int32Array([0]))).toThrow(/2 predictions but 1 targets/);
  });
});
