import { describe, expect, it } from 'vitest';
import { convergence, EARLY_STOPPING_DEFAULTS } from './early-stopping';
import { randomTensor } from './gradcheck';
import { Sequential } from './model';
import { Rng } from './rng';
import { mlpSpec } from './test-specs';
import { train } from './train';

describe('convergence (early stopping)', () => {
  it('keeps going while the error improves, and keeps the best epoch', () => {
    expect(convergence([0.9, 0.5, 0.3], { patience: 2 })).toEqual({
      stop: false,
      bestEpoch: 2,
      bestError: 0.3,
      epochsSinceBest: 0,
    });
  });

  it('stops after `patience` epochs without improvement, pointing at the best one', () => {
    const errors = [0.9, 0.5, 0.3, 0.31, 0.35];
    expect(convergence(errors, { patience: 3 }).stop).toBe(false);
    const stopped = convergence(errors, { patience: 2 });
    expect(stopped).toEqual({ stop: true, bestEpoch: 2, bestError: 0.3, epochsSinceBest: 2 });
  });

  it('counts only improvements larger than minDelta', () => {
    // 0.2999 beats 0.3 by 1e-4: not more than minDelta 1e-3, so epoch 2 stays the best
    const errors = [0.5, 0.3, 0.2999, 0.2995];
    expect(convergence(errors, { patience: 2, minDelta: 1e-3 })).toMatchObject({ stop: true, bestEpoch: 1 });
    expect(convergence(errors, { patience: 2, minDelta: 0 })).toMatchObject({ stop: false, bestEpoch: 3 });
    // exactly minDelta better is not more than minDelta (as in train.ts)
    expect(convergence([1, 0.5], { patience: 1, minDelta: 0.5 })).toMatchObject({ stop: true, bestEpoch: 0 });
  });

  it('a NaN error never improves: the run stops after patience', () => {
    expect(convergence([0.4, Number.NaN, Number.NaN], { patience: 2 })).toMatchObject({
      stop: true,
      bestEpoch: 0,
    });
    expect(convergence([Number.NaN], { patience: 1 })).toMatchObject({ stop: true, bestEpoch: -1 });
  });

  it('with no epochs yet: nothing to stop, no best', () => {
    expect(convergence([])).toEqual({ stop: false, bestEpoch: -1, bestError: Infinity, epochsSinceBest: 0 });
  });

  it("has train()'s defaults and refuses a bad rule", () => {
    expect(EARLY_STOPPING_DEFAULTS).toEqual({ patience: 5, minDelta: 1e-4 });
    const flat = [1, 1, 1, 1, 1, 1];
    expect(convergence(flat)).toMatchObject({ stop: true, bestEpoch: 0 });
    expect(convergence(flat.slice(0, 5)).stop).toBe(false);
    expect(() => convergence([1], { patience: 0 })).toThrow(/patience must be an integer ≥ 1, got 0/);
    expect(() => convergence([1], { minDelta: -1 })).toThrow(/minDelta must be a finite number ≥ 0/);
  });

  it("agrees with train()'s own early stopping: same last epoch, same best epoch", async () => {
    // the class is the largest of the first three inputs, one label in five flipped: the validation
    // error falls for a while, then stops improving
    const rng = new Rng(4);
    const set = (n: number) => {
      const images = randomTensor([n, 8], rng, 0, 1).data;
      const labels = Int32Array.from({ length: n }, (_, i) => {
        const x = images.subarray(i * 8, i * 8 + 3);
        const k = x.indexOf(Math.max(...x));
        return rng.uniform(0, 1) < 0.2 ? (k + 1) % 3 : k;
      });
      return { images, labels, sampleShape: [8] };
    };
    const model = new Sequential(
      mlpSpec(8, [16, 3], 'sigmoid', { kernelInitializer: 'glorotUniform' }),
      new Rng(1),
    );
    const rule = { patience: 3, minDelta: 1e-4 };
    const result = await train(model, set(100), {
      epochs: 200,
      batchSize: 10,
      learningRate: 0.5,
      optimizer: { type: 'sgd', config: {} },
      loss: { type: 'meanSquaredError', config: {} },
      validation: set(100),
      earlyStopping: rule,
      divergence: false,
    });
    const errors = result.record.epochs.map((e) => e.valLoss!);
    expect(result.status).toBe('plateau');
    expect(errors.length).toBeLessThan(200);
    expect(result.record.bestEpoch).toBeGreaterThan(0); // measured: 11 epochs, best epoch 7
    for (let n = 1; n < errors.length; n++) expect(convergence(errors.slice(0, n), rule).stop).toBe(false);
    const end = convergence(errors, rule);
    expect(end.stop).toBe(true);
    expect(end.bestEpoch).toBe(result.record.bestEpoch);
  });
});
