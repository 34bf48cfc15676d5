import { describe, expect, it } from 'vitest';
import { gradcheck, randomTensor } from './gradcheck';
import type { Dense } from './layers';
import { SoftmaxCrossEntropy } from './losses';
import { type ModelSpec, Sequential } from './model';
import { Rng } from './rng';
import { zeroGrads } from './tensor';
import { mlpSpec } from './test-specs';

const lenet: ModelSpec = {
  inputShape: [1, 28, 28],
  layers: [
    { type: 'conv2d', config: { filters: 6, kernelSize: 5, padding: 'same' } },
    { type: 'relu', config: {} },
    { type: 'maxpool2d', config: { poolSize: 2 } },
    { type: 'conv2d', config: { filters: 16, kernelSize: 5 } },
    { type: 'batchNorm', config: {} },
    { type: 'relu', config: {} },
    { type: 'maxpool2d', config: { poolSize: 2 } },
    { type: 'flatten', config: {} },
    { type: 'dense', config: { units: 120 } },
    { type: 'relu', config: {} },
    { type: 'dropout', config: { rate: 0.25 } },
    { type: 'dense', config: { units: 10 } },
  ],
};

const mlp = mlpSpec(6, [8, 4], 'tanh');

describe('Sequential', () => {
  it('infers the shapes of a LeNet-like CNN', () => {
    const model = new Sequential(lenet, new Rng(1));
    expect(model.layerInputShapes[3]).toEqual([6, 14, 14]);
    expect(model.layerInputShapes[8]).toEqual([400]);
    expect(model.outputShape).toEqual([10]);
    const logits = model.forward(randomTensor([2, 1, 28, 28], new Rng(2), 0, 1), { training: false });
    expect(logits.shape).toEqual([2, 10]);
  });

  it('is deterministic for a seed and round-trips its spec', () => {
    const a = new Sequential(lenet, new Rng(3));
    const b = new Sequential(JSON.parse(JSON.stringify(a.toJSON())), new Rng(3));
    expect(b.cloneWeights()).toEqual(a.cloneWeights());
  });

  it('predict gives probabilities that sum to 1', () => {
    const model = new Sequential(mlp, new Rng(1));
    const p = model.predict(randomTensor([3, 6], new Rng(2), -5, 5));
    for (let b = 0; b < 3; b++) {
      expect(p.data.subarray(b * 4, b * 4 + 4).reduce((s, v) => s + v, 0)).toBeCloseTo(1, 6);
    }
  });

  it('passes the gradient check end to end (conv, pool, batch norm, dropout, dense)', () => {
    const model = new Sequential(
      {
        inputShape: [2, 5, 7],
        layers: [
          { type: 'conv2d', config: { filters: 3, kernelSize: 3, strides: 2, padding: 'same' } },
          { type: 'batchNorm', config: {} },
          { type: 'tanh', config: {} },
          { type: 'flatten', config: {} },
          { type: 'dropout', config: { rate: 0.2 } },
          { type: 'dense', config: { units: 4 } },
        ],
      },
      new Rng(4),
    );
    const options = { forwardOptions: () => ({ training: true, rng: new Rng(8) }) };
    expect(gradcheck(model, randomTensor([3, 2, 5, 7], new Rng(5)), options).max).toBeLessThan(1e-2);
  });

  it('skips the input gradient unless asked', () => {
    const model = new Sequential(mlp, new Rng(1));
    const logits = model.forward(randomTensor([2, 6], new Rng(2)), { training: true });
    expect(model.backward(logits).data.length).toBe(0);
    expect(model.backward(logits, { inputGradient: true }).shape).toEqual([2, 6]);
    const flat = new Sequential(
      { inputShape: [1, 2, 3], layers: [{ type: 'flatten', config: {} }, ...mlp.layers] },
      new Rng(1),
    );
    const out = flat.forward(randomTensor([2, 1, 2, 3], new Rng(2)), { training: true });
    const dense = flat.layers[1] as Dense;
    const spy = dense.backward.bind(dense);
    let asked: boolean | undefined;
    dense.backward = (d, o) => {
      asked = o?.inputGradient;
      return spy(d, o);
    };
    flat.backward(out);
    expect(asked).toBe(false);
  });

  it('one SGD step lowers the loss, and a tiny problem is learned', () => {
    const model = new Sequential(mlp, new Rng(1));
    const x = randomTensor([8, 6], new Rng(2));
    const y = new Int32Array([0, 1, 2, 3, 0, 1, 2, 3]);
    const loss = new SoftmaxCrossEntropy();
    const step = (lr: number): number => {
      const value = loss.forward(model.forward(x, { training: true }), y);
      zeroGrads(model.params());
      model.backward(loss.backward());
      for (const p of model.params())
        for (let i = 0; i < p.value.data.length; i++) p.value.data[i] -= lr * p.grad.data[i];
      return value;
    };
    const first = step(0.1);
    expect(step(0.1)).toBeLessThan(first);
    for (let i = 0; i < 200; i++) step(0.5);
    expect(step(0.5)).toBeLessThan(0.05);
  });

  it('cloneWeights / copyWeights restore a snapshot', () => {
    const model = new Sequential(lenet, new Rng(1));
    const snapshot = model.cloneWeights();
    model.params()[0].value.data[0] = Number.NaN;
    model.state()[0].data[0] = 42;
    model.copyWeights(snapshot);
    expect(model.cloneWeights()).toEqual(snapshot);
    expect(() => model.copyWeights(snapshot.slice(1))).toThrow(/needs/);
  });

  it('withClasses keeps the learned features and the old classes’ logits, and adds new classes', () => {
    const model = new Sequential(lenet, new Rng(1));
    const x = randomTensor([2, 1, 28, 28], new Rng(2), 0, 1);
    const before = Float32Array.from(model.forward(x, { training: false }).data);
    const bigger = model.withClasses(12, new Rng(9));
    expect(bigger.outputShape).toEqual([12]);
    const after = bigger.forward(x, { training: false }).data;
    for (let b = 0; b < 2; b++) {
      for (let k = 0; k < 10; k++) expect(after[b * 12 + k]).toBeCloseTo(before[b * 10 + k], 4);
    }
    // reorder and drop: new class 0 is old class 3
    const picked = model.withClasses(2, new Rng(9), [3, -1]);
    expect(picked.forward(x, { training: false }).data[0]).toBeCloseTo(before[3], 4);
  });

  it('names layer errors', () => {
    expect(
      () =>
        new Sequential(
          { inputShape: [1, 28, 28], layers: [{ type: 'dense', config: { units: 3 } }] },
          new Rng(1),
        ),
    ).toThrow(/layer 0 \(dense\).*flatten/);
    expect(
      () => new Sequential({ inputShape: [4], layers: [{ type: 'lstm', config: {} }] }, new Rng(1)),
    ).toThrow(/unknown layer type 'lstm'/);
  });
});
