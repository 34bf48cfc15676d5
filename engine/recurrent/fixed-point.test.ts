import { describe, expect, it } from 'vitest';
import { gradcheck } from '../gradcheck';
import '../layers/index';
import { Sequential } from '../model';
import { createLayer } from '../registry';
import { Rng } from '../rng';
import { type Tensor, tensor } from '../tensor';
import { train } from '../train';
import { FixedPoint, FixedPointError, spectralNorm } from './index';

function input(batch: number, features: number, seed = 5): Tensor {
  const rng = new Rng(seed);
  return tensor(
    [batch, features],
    Array.from({ length: batch * features }, () => rng.uniform(-1, 1)),
  );
}

function built(options: ConstructorParameters<typeof FixedPoint>[0], features: number, seed = 3): FixedPoint {
  const layer = new FixedPoint(options);
  layer.build([features], new Rng(seed));
  return layer;
}

describe('fixedPoint', () => {
  it('relaxes to a state that satisfies s = f(W·s + U·x + b)', () => {
    const layer = built({ units: 6, tolerance: 1e-7 }, 4);
    const x = input(3, 4);
    const s = layer.forward(x, { training: false });
    const [w, u, b] = layer.params().map((p) => p.value.data);
    for (let r = 0; r < 3; r++) {
      for (let j = 0; j < 6; j++) {
        let a = b[j];
        for (let k = 0; k < 6; k++) a += w[j * 6 + k] * s.data[r * 6 + k];
        for (let k = 0; k < 4; k++) a += u[j * 4 + k] * x.data[r * 4 + k];
        expect(s.data[r * 6 + j]).toBeCloseTo(Math.tanh(a), 5);
      }
    }
  });

  it('initialises W with the requested spectral norm', () => {
    const layer = built({ units: 16, spectralRadius: 0.7 }, 4);
    const w = layer.params()[0].value.data;
    expect(spectralNorm(w, 16, 16, new Rng(9))).toBeCloseTo(0.7, 3);
  });

  it('passes a gradient check through the fixed point (tanh and damped sigmoid)', () => {
    const tanh = built({ units: 5, tolerance: 1e-7, maxIterations: 500, spectralRadius: 0.8 }, 3);
    expect(gradcheck(tanh, input(4, 3)).max).toBeLessThan(1e-2);
    const sigmoid = built(
      {
        units: 5,
        activation: 'sigmoid',
        damping: 0.5,
        tolerance: 1e-7,
        maxIterations: 500,
        spectralRadius: 2,
      },
      3,
    );
    // sigmoid' ≤ 1/4 makes these gradients small: a larger step keeps float32 noise in the forward
    // pass out of the quotient (the function is smooth, so the O(eps²) error stays ~1e-4)
    expect(gradcheck(sigmoid, input(4, 3, 8), { eps: 1e-2 }).max).toBeLessThan(1e-2);
    expect(tanh.stats.forwardFailures + tanh.stats.backwardFailures).toBe(0);
  });

  it('counts and reports a relaxation that hits the cap, or throws when asked', () => {
    const warn = built({ units: 8, spectralRadius: 3, maxIterations: 5 }, 4);
    const x = input(2, 4);
    warn.forward(x, { training: true });
    expect(warn.stats.forwardFailures).toBe(1);
    const [message] = warn.takeWarnings();
    expect(message).toMatch(/cap of 5 iterations in 1 of 1 forward/);
    expect(warn.takeWarnings()).toEqual([]);

    const strict = built({ units: 8, spectralRadius: 3, maxIterations: 5, onNonConvergence: 'error' }, 4);
    expect(() => strict.forward(x, { training: true })).toThrow(FixedPointError);
  });

  it('round-trips through toJSON and the layer registry', () => {
    const layer = built({ units: 7, activation: 'sigmoid', damping: 0.5 }, 4);
    const again = createLayer(layer.toJSON());
    expect(again.toJSON()).toEqual(layer.toJSON());
    expect(() => createLayer({ type: 'fixedPoint', config: { units: 0 } })).toThrow(/units/);
    expect(() => createLayer({ type: 'fixedPoint', config: { units: 4, activation: 'relu' } })).toThrow(
      /activation/,
    );
  });

  it('learns XOR inside a model (dense → fixed point → dense) without hitting its cap', async () => {
    const points = [0, 0, 0, 1, 1, 0, 1, 1];
    const images = new Float32Array(64 * 2).map((_, i) => points[i % 8]);
    const labels = new Int32Array(64).map((_, i) => [0, 1, 1, 0][i % 4]);
    const model = new Sequential(
      {
        inputShape: [2],
        layers: [
          { type: 'dense', config: { units: 8 } },
          { type: 'relu', config: {} },
          { type: 'fixedPoint', config: { units: 8 } },
          { type: 'dense', config: { units: 2 } },
        ],
      },
      new Rng(2),
    );
    const result = await train(
      model,
      { images, labels, sampleShape: [2] },
      {
        epochs: 60,
        batchSize: 16,
        learningRate: 0.02,
        optimizer: { type: 'adam', config: {} },
      },
    );
    expect(result.record.epochs.at(-1)!.trainAccuracy).toBe(1);
    expect(result.record.epochs.flatMap((e) => e.warnings)).toEqual([]);
  });
});
