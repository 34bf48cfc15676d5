import { describe, expect, it } from 'vitest';
import { type Param, param } from '../tensor';
import { Adam, AdamW, clipGradNorm, createOptimizer, globalGradNorm, Momentum, Nesterov, Sgd } from './index';

/** A parameter holding `value` with gradient `grad`. */
function p(value: number[], grad: number[], decay = true): Param {
  const q = param('w', [value.length], decay);
  q.value.data.set(value);
  q.grad.data.set(grad);
  return q;
}

function close(actual: Float32Array, expected: number[]): void {
  expected.forEach((e, i) => {
    expect(actual[i]).toBeCloseTo(e, 6);
  });
}

describe('sgd', () => {
  it('steps against the gradient', () => {
    const w = p([1, -2], [0.5, -1]);
    new Sgd().step([w], 0.1);
    close(w.value.data, [0.95, -1.9]);
  });

  it('applies L2 decay only to parameters marked decay', () => {
    const weight = p([1], [0]);
    const bias = p([1], [0], false);
    new Sgd({ weightDecay: 0.5 }).step([weight, bias], 0.1);
    close(weight.value.data, [1 - 0.1 * 0.5]);
    close(bias.value.data, [1]);
  });
});

describe('momentum', () => {
  it('after two steps equals v2 = μ·v1 − lr·g2, w2 = w0 + v1 + v2', () => {
    const w = p([1], [2]);
    const opt = new Momentum({ momentum: 0.9 });
    opt.step([w], 0.1); // v1 = −0.2
    w.grad.data[0] = 1;
    opt.step([w], 0.1); // v2 = 0.9·(−0.2) − 0.1 = −0.28
    close(w.value.data, [1 - 0.2 - 0.28]);
  });
});

describe('nesterov', () => {
  it('looks ahead: w ← w + μ·v − lr·g with the updated velocity', () => {
    const w = p([1], [2]);
    const opt = new Nesterov({ momentum: 0.9 });
    opt.step([w], 0.1); // v1 = −0.2; w1 = 1 + 0.9·(−0.2) − 0.2 = 0.62
    close(w.value.data, [0.62]);
    w.grad.data[0] = 1;
    opt.step([w], 0.1); // v2 = −0.28; w2 = 0.62 + 0.9·(−0.28) − 0.1 = 0.268
    close(w.value.data, [0.268]);
  });
});

describe('adam', () => {
  it('one step from known gradients equals the formula (bias-corrected: −lr·sign(g) at t = 1)', () => {
    const w = p([1, 1, 1], [0.3, -2, 0]);
    new Adam({ epsilon: 1e-8 }).step([w], 0.01);
    // m̂ = g, v̂ = g², so Δ = −lr·g/(|g| + ε)
    close(w.value.data, [1 - 0.01, 1 + 0.01, 1]);
  });

  it('two steps equal the formula', () => {
    const [b1, b2, eps, lr] = [0.9, 0.999, 1e-8, 0.01];
    const w = p([0.5], [1]);
    const opt = new Adam();
    opt.step([w], lr);
    w.grad.data[0] = 3;
    opt.step([w], lr);
    const m = b1 * (1 - b1) * 1 + (1 - b1) * 3;
    const v = b2 * (1 - b2) * 1 + (1 - b2) * 9;
    const expected = 0.5 - lr - (lr * (m / (1 - b1 ** 2))) / (Math.sqrt(v / (1 - b2 ** 2)) + eps);
    close(w.value.data, [expected]);
  });

  it('adamw decays the weights outside the adaptive step; adam adds L2 to the gradient', () => {
    const wDecoupled = p([2], [0]);
    new AdamW({ weightDecay: 0.1 }).step([wDecoupled], 0.5);
    close(wDecoupled.value.data, [2 - 0.5 * 0.1 * 2]);
    const wCoupled = p([2], [0]);
    new Adam({ weightDecay: 0.1 }).step([wCoupled], 0.5);
    close(wCoupled.value.data, [2 - 0.5]); // g = λ·w, normalized to ±1 at t = 1
  });
});

describe('clipGradNorm', () => {
  it('scales every gradient so the global norm equals maxNorm', () => {
    const a = p([0, 0], [3, 0]);
    const b = p([0], [4]);
    expect(clipGradNorm([a, b], 1)).toBeCloseTo(5, 6);
    close(a.grad.data, [0.6, 0]);
    close(b.grad.data, [0.8]);
    expect(globalGradNorm([a, b])).toBeCloseTo(1, 6);
  });

  it('leaves small gradients alone and reports non-finite norms', () => {
    const a = p([0], [0.5]);
    clipGradNorm([a], 1);
    close(a.grad.data, [0.5]);
    expect(globalGradNorm([p([0], [Number.NaN])])).toBeNaN();
  });
});

describe('createOptimizer', () => {
  it('builds each optimizer from its spec and round-trips toJSON', () => {
    for (const type of ['sgd', 'momentum', 'nesterov', 'adam', 'adamw']) {
      const opt = createOptimizer({ type, config: { weightDecay: 0.001 } });
      expect(opt.type).toBe(type);
      expect(createOptimizer(opt.toJSON()).toJSON()).toEqual(opt.toJSON());
    }
  });

  it('names unknown types and bad config values', () => {
    expect(() => createOptimizer({ type: 'lbfgs', config: {} })).toThrow(/unknown optimizer type 'lbfgs'/);
    expect(() => createOptimizer({ type: 'adam', config: { beta1: 'high' } })).toThrow(/config.beta1/);
  });
});
