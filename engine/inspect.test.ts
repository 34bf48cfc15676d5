import { describe, expect, it } from 'vitest';
import { type Differentiable, gradcheck, randomTensor } from './gradcheck';
import { inspect } from './inspect';
import type { LayerSpec } from './layer';
import { createLoss } from './losses';
import { type ModelSpec, Sequential } from './model';
import { Rng } from './rng';
import { type Param, type Tensor, tensor, zeroGrads } from './tensor';
import { mlpSpec } from './test-specs';
import { train } from './train';

const CROSS_ENTROPY: LayerSpec = { type: 'softmaxCrossEntropy', config: {} };
const MSE: LayerSpec = { type: 'meanSquaredError', config: {} };

// the classic network: sigmoid hidden units, sigmoid outputs fused into the MSE loss
const MLP = mlpSpec(36, [8, 4], 'sigmoid', { kernelInitializer: 'glorotUniform' });

const CNN: ModelSpec = {
  inputShape: [1, 8, 8],
  layers: [
    { type: 'conv2d', config: { filters: 3, kernelSize: 3 } },
    { type: 'tanh', config: {} },
    { type: 'maxpool2d', config: { poolSize: 2, strides: 2 } },
    { type: 'flatten', config: {} },
    { type: 'dense', config: { units: 5 } },
  ],
};

// for central differences: no max pooling, whose winner can change under a perturbation of eps (its
// kinks are maxpool2d.test.ts's); the CNN above, with pooling, is checked against the trainer exactly
const SMOOTH_CNN: ModelSpec = {
  inputShape: [1, 8, 8],
  layers: [
    { type: 'conv2d', config: { filters: 3, kernelSize: 3 } },
    { type: 'tanh', config: {} },
    { type: 'conv2d', config: { filters: 2, kernelSize: 3, strides: 2 } },
    { type: 'sigmoid', config: {} },
    { type: 'flatten', config: {} },
    { type: 'dense', config: { units: 5 } },
  ],
};

// the built-in models' shape on a 28×28 input, with dropout and batch norm (inference mode in inspect)
const DIGITS_LIKE: ModelSpec = {
  inputShape: [1, 28, 28],
  layers: [
    { type: 'conv2d', config: { filters: 4, kernelSize: 5 } },
    { type: 'batchNorm', config: {} },
    { type: 'relu', config: {} },
    { type: 'maxpool2d', config: { poolSize: 2, strides: 2 } },
    { type: 'flatten', config: {} },
    { type: 'dense', config: { units: 16 } },
    { type: 'relu', config: {} },
    { type: 'dropout', config: { rate: 0.25 } },
    { type: 'dense', config: { units: 10 } },
  ],
};

const MLP_28 = mlpSpec(784, [6, 3]);

const input = (model: Sequential, seed = 7) => randomTensor([1, ...model.inputShape], new Rng(seed), 0, 1);

/** The trainer's gradient for one example: forward with the loss, backward, read p.grad (train.ts's steps). */
function trainerGradients(model: Sequential, x: Tensor, target: number, loss: LayerSpec): Float32Array[] {
  const l = createLoss(loss);
  const params = model.params();
  zeroGrads(params);
  l.forward(model.forward(x, { training: true, rng: new Rng(1) }), Int32Array.of(target));
  model.backward(l.backward());
  const grads = params.map((p) => Float32Array.from(p.grad.data));
  zeroGrads(params);
  return grads;
}

function norm(v: Float32Array): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

describe('inspect: the backward pass equals the trainer', () => {
  for (const [name, spec] of [
    ['MLP', MLP],
    ['CNN', CNN],
    ['MLP 784', MLP_28],
  ] as const) {
    for (const loss of [CROSS_ENTROPY, MSE]) {
      it(`${name}, ${loss.type}: every parameter gradient is bit-equal to forward + loss + backward`, () => {
        const model = new Sequential(spec, new Rng(3));
        const x = input(model);
        const expected = trainerGradients(model, x, 1, loss);
        const reported = inspect(model, x.data, { target: 1, loss, keepGradients: true }).backward!;
        const grads = reported.layers.flatMap((l) => l.params);
        expect(grads.map((g) => g.name)).toEqual(model.namedTensors().map((t) => t.name));
        grads.forEach((g, k) => {
          expect(g.gradient).toEqual(expected[k]);
          expect(g.norm).toBeCloseTo(norm(expected[k]), 6);
          expect(g.shape).toEqual(model.params()[k].value.shape);
        });
      });
    }
  }

  it('the reported SGD step is the one train() applies (one example, batch 1, plain SGD)', async () => {
    for (const loss of [CROSS_ENTROPY, MSE]) {
      const model = new Sequential(CNN, new Rng(5));
      const x = input(model, 9);
      const learningRate = 0.5;
      const before = model.cloneWeights();
      const report = inspect(model, x.data, { target: 3, loss, learningRate, keepGradients: true });
      const dataset = { images: x.data, labels: Int32Array.of(3), sampleShape: model.inputShape };
      const result = await train(model, dataset, {
        epochs: 1,
        batchSize: 1,
        learningRate,
        optimizer: { type: 'sgd', config: {} },
        loss,
        divergence: false,
      });
      expect(result.status).toBe('completed');
      const after = model.cloneWeights();
      report
        .backward!.layers.flatMap((l) => l.params)
        .forEach((g, k) => {
          const expected = before[k].map((w, i) => w - learningRate * g.gradient![i]);
          expect(after[k]).toEqual(expected);
          const delta = after[k].map((w, i) => w - before[k][i]);
          expect(norm(delta)).toBeCloseTo(g.step, 5);
          expect(g.relativeStep).toBeCloseTo(norm(delta) / norm(before[k]), 5);
        });
    }
  });
});

/**
 * Model + loss at a fixed target seen as one differentiable function whose output is the loss, with
 * backward taken from inspect's report: so gradcheck.ts's central differences check what inspect
 * reports (the parameter gradients, and the error signal at the input).
 */
function lossOf(model: Sequential, target: number, loss: LayerSpec): Differentiable {
  let at: ArrayLike<number> = []; // the unperturbed input: gradcheck calls backward right after it
  return {
    forward: (x) => {
      at = x.data;
      const l = createLoss(loss);
      return tensor([1], [l.forward(model.forward(x, { training: false }), Int32Array.of(target))]);
    },
    backward: (dOut) => {
      const report = inspect(model, at, { target, loss, keepGradients: true }).backward!;
      const grads = report.layers.flatMap((l) => l.params.map((p) => p.gradient!));
      const params = model.params();
      params.forEach((p, k) => {
        for (let i = 0; i < grads[k].length; i++) p.grad.data[i] += dOut.data[0] * grads[k][i];
      });
      const dx = report.layers[0].signal.map((v) => v * dOut.data[0]);
      return tensor([1, ...model.inputShape], dx);
    },
    params: (): Param[] => model.params(),
  };
}

describe('inspect: central differences (gradcheck.ts)', () => {
  for (const [name, spec] of [
    ['tiny sigmoid MLP', MLP],
    ['tiny CNN', SMOOTH_CNN],
  ] as const) {
    for (const loss of [CROSS_ENTROPY, MSE]) {
      it(`${name}, ${loss.type}: reported gradients match the numeric ones`, () => {
        const model = new Sequential(spec, new Rng(11));
        const x = input(model, 4);
        const result = gradcheck(lossOf(model, 2, loss), x, { forwardOptions: () => ({ training: false }) });
        expect(result.max).toBeLessThan(1e-2);
        expect(Object.keys(result.params).length).toBe(model.params().length);
      });
    }
  }
});

describe('inspect: leaves the model as it was', () => {
  it('weights, state and gradients bit-equal afterwards, gradients it found kept', () => {
    const model = new Sequential(DIGITS_LIKE, new Rng(2));
    // a training pass first: batch-norm running statistics and a pending gradient that must survive
    const batch = randomTensor([4, 1, 28, 28], new Rng(1), 0, 1);
    const loss = createLoss(CROSS_ENTROPY);
    loss.forward(model.forward(batch, { training: true, rng: new Rng(3) }), Int32Array.of(0, 1, 2, 3));
    model.backward(loss.backward());
    const weights = model.cloneWeights();
    const grads = model.params().map((p) => Float32Array.from(p.grad.data));
    expect(grads.some((g) => g.some((v) => v !== 0))).toBe(true);

    const x = input(model);
    const first = inspect(model, x.data, { target: 4, loss: MSE });
    const again = inspect(model, x.data, { target: 4, loss: MSE });
    expect(model.cloneWeights()).toEqual(weights);
    model.params().forEach((p, k) => {
      expect(p.grad.data).toEqual(grads[k]);
    });
    // dropout off, statistics fixed: the same drawing gives the same report
    expect(again.logits).toEqual(first.logits);
    expect(again.backward!.layers.map((l) => l.norm)).toEqual(first.backward!.layers.map((l) => l.norm));
    expect(first.logits).toEqual(Float32Array.from(model.forward(x, { training: false }).data));
    // the gradients it found played no part in what it reported
    zeroGrads(model.params());
    const clean = inspect(model, x.data, { target: 4, loss: MSE }).backward!;
    const sizes = (b: typeof clean) => b.layers.flatMap((l) => l.params.map((p) => p.norm));
    expect(sizes(first.backward!)).toEqual(sizes(clean));
  });

  it('zeroed gradients stay zero', () => {
    const model = new Sequential(CNN, new Rng(2));
    inspect(model, input(model).data, { target: 0 });
    for (const p of model.params()) expect(p.grad.data.every((v) => v === 0)).toBe(true);
  });
});

describe('inspect: what it reports', () => {
  it("activations have each layer's shapes() output, with their statistics", () => {
    const model = new Sequential(DIGITS_LIKE, new Rng(2));
    const report = inspect(model, input(model).data, { target: 1 });
    expect(report.activations.map((a) => a.type)).toEqual(model.layers.map((l) => l.type));
    report.activations.forEach((a, i) => {
      const expected = model.layers[i].shapes(model.layerInputShapes[i]).output;
      expect(a.shape).toEqual(expected);
      expect(a.values.length).toBe(expected.reduce((n, d) => n * d, 1));
      expect(a.stats.min).toBe(Math.min(...a.values));
      expect(a.stats.max).toBe(Math.max(...a.values));
      expect(a.stats.zeroShare).toBe(a.values.filter((v) => v === 0).length / a.values.length);
      expect(a.stats.mean).toBeCloseTo(a.values.reduce((s, v) => s + v, 0) / a.values.length, 6);
    });
    // ReLU silences some units; the error signal at each layer has that layer's input shape
    expect(report.activations[2].stats.zeroShare).toBeGreaterThan(0);
    report.backward!.layers.forEach((l, i) => {
      expect(l.shape).toEqual(model.layerInputShapes[i]);
      expect(l.signal.length).toBe(model.layerInputShapes[i].reduce((n, d) => n * d, 1));
      expect(l.maxAbs).toBe(Math.max(...l.signal.map(Math.abs)));
    });
    const sum = report.probabilities.reduce((s, p) => s + p, 0);
    expect(sum).toBeCloseTo(1, 6);
  });

  it('cross-entropy: output error = softmax − one-hot, which is dL/dz', () => {
    const model = new Sequential(MLP, new Rng(8));
    const out = inspect(model, input(model).data, { target: 2 }).backward!.output;
    const z = model.forward(input(model), { training: false }).data;
    const exp = [...z].map((v) => Math.exp(v));
    const total = exp.reduce((s, v) => s + v, 0);
    [...out.error].forEach((e, k) => {
      expect(e).toBeCloseTo(exp[k] / total - (k === 2 ? 1 : 0), 6);
    });
    expect([...out.desired]).toEqual([0, 0, 1, 0]);
    out.error.forEach((e, k) => {
      expect(out.gradient[k]).toBeCloseTo(e, 7);
    });
    expect(out.value).toBeCloseTo(-Math.log(exp[2] / total), 5);
  });

  it('mean squared error: output error = σ(z) − one-hot, and dL/dz = error · σ(1 − σ)', () => {
    const model = new Sequential(MLP, new Rng(8));
    const out = inspect(model, input(model).data, { target: 0, loss: MSE }).backward!.output;
    const z = model.forward(input(model), { training: false }).data;
    let value = 0;
    [...z].forEach((v, k) => {
      const a = 1 / (1 + Math.exp(-v));
      const e = a - (k === 0 ? 1 : 0);
      value += 0.5 * e * e;
      expect(out.actual[k]).toBeCloseTo(a, 6);
      expect(out.error[k]).toBeCloseTo(e, 6);
      expect(out.gradient[k]).toBeCloseTo(e * a * (1 - a), 6);
    });
    expect(out.loss).toBe('meanSquaredError');
    expect(out.value).toBeCloseTo(value, 6);
    // without the fused sigmoid the outputs are the logits themselves
    const linear = inspect(model, input(model).data, {
      target: 0,
      loss: { type: 'meanSquaredError', config: { sigmoid: false } },
    }).backward!.output;
    [...z].forEach((v, k) => {
      expect(linear.error[k]).toBeCloseTo(v - (k === 0 ? 1 : 0), 6);
      expect(linear.gradient[k]).toBeCloseTo(linear.error[k], 6);
    });
  });

  it("filters: a convolution's kernels, a dense layer's weights into each unit as 28×28 images", () => {
    const cnn = new Sequential(DIGITS_LIKE, new Rng(2));
    const f = inspect(cnn, input(cnn).data).filters!;
    expect(f.layer).toBe(0);
    expect(f.shape).toEqual([1, 5, 5]);
    expect(f.images.length).toBe(4);
    const kernel = cnn.params()[0].value.data;
    expect(f.images[1]).toEqual(kernel.slice(25, 50));

    const mlp = new Sequential(MLP_28, new Rng(2));
    const d = inspect(mlp, input(mlp).data).filters!;
    expect(d.shape).toEqual([28, 28]);
    expect(d.images.length).toBe(6);
    const w = mlp.params()[0].value.data; // [784, 6]
    expect(d.images[4][100]).toBe(w[100 * 6 + 4]);
    expect(d.stats.max).toBe(Math.max(...w));
  });

  it('without a target there is no backward pass; bad input is refused clearly', () => {
    const model = new Sequential(MLP, new Rng(8));
    expect(inspect(model, input(model).data).backward).toBeUndefined();
    expect(() => inspect(model, new Float32Array(35))).toThrow(/expected 36 input values, got 35/);
    expect(() => inspect(model, input(model).data, { target: 4 })).toThrow(
      /target 4 is not a class in \[0, 4\)/,
    );
    expect(() =>
      inspect(model, input(model).data, { target: 0, loss: { type: 'hinge', config: {} } }),
    ).toThrow(/unknown loss type 'hinge'/);
  });
});
