import { describe, expect, it } from 'vitest';
import { gradcheck, randomTensor } from '../gradcheck';
import { Rng } from '../rng';
import { BatchNorm } from './batch-norm';

describe('BatchNorm', () => {
  it('normalises each feature to mean 0, variance 1 in training', () => {
    const layer = new BatchNorm();
    layer.build([4]);
    const y = layer.forward(randomTensor([50, 4], new Rng(1), 3, 7), { training: true });
    for (let f = 0; f < 4; f++) {
      let mean = 0;
      let sq = 0;
      for (let b = 0; b < 50; b++) mean += y.data[b * 4 + f] / 50;
      for (let b = 0; b < 50; b++) sq += (y.data[b * 4 + f] - mean) ** 2 / 50;
      expect(mean).toBeCloseTo(0, 5);
      expect(sq).toBeCloseTo(1, 3);
    }
  });

  it('updates running statistics in training and uses them at inference', () => {
    const layer = new BatchNorm({ momentum: 1 }); // running = the last batch's statistics
    layer.build([2, 3, 3]);
    const x = randomTensor([4, 2, 3, 3], new Rng(2), 1, 3);
    const yTrain = Float32Array.from(layer.forward(x, { training: true }).data);
    const [mean, variance] = layer.state();
    expect(mean.data[0]).toBeGreaterThan(1.5);
    expect(variance.data[0]).toBeGreaterThan(0);
    // with the unbiased running variance inference differs from training by √(n/(n−1)) only
    const yInfer = layer.forward(x, { training: false }).data;
    const n = 4 * 9;
    expect(yInfer[0]).toBeCloseTo(yTrain[0] * Math.sqrt((n - 1) / n), 3);
  });

  for (const shape of [
    [3, 5],
    [3, 2, 5, 7],
  ]) {
    for (const training of [true, false]) {
      it(`passes the gradient check on [${shape}] (${training ? 'training' : 'inference'})`, () => {
        const layer = new BatchNorm();
        layer.build(shape.slice(1));
        layer.gamma.value.data.set(randomTensor([shape[1]], new Rng(5), 0.5, 1.5).data);
        layer.beta.value.data.set(randomTensor([shape[1]], new Rng(6)).data);
        layer.runningMean.data.fill(0.1);
        layer.runningVar.data.fill(0.8);
        const options = { forwardOptions: () => ({ training }) };
        expect(gradcheck(layer, randomTensor(shape, new Rng(7)), options).max).toBeLessThan(1e-2);
      });
    }
  }

  it('round-trips its config', () => {
    const layer = new BatchNorm({ momentum: 0.01, epsilon: 1e-3 });
    expect(BatchNorm.fromJSON(layer.toJSON().config).options).toEqual(layer.options);
  });
});
