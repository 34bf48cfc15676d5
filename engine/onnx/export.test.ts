// exportOnnx against onnxruntime: every exportable architecture, built small and seeded with the
// engine, must give the same logits (and softmax probabilities) as onnxruntime within 1e-4.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LayerSpec } from '../layer';
import '../layers/index';
import { Sequential } from '../model';
import { PRESET_IDS, preset } from '../presets';
import type { FixedPoint } from '../recurrent/fixed-point';
import '../recurrent/index';
import type { Dataset } from '../batch';
import { layerTypes } from '../registry';
import { Rng } from '../rng';
import { deserializeModel, serializeModel } from '../serialize';
import { sizeOf, type Tensor, tensor } from '../tensor';
import { layer } from '../test-specs';
import { train } from '../train';
import { exportOnnx, ONNX_IR_VERSION, ONNX_OPSET } from './export';
import { exportableLayerTypes } from './mappers';
import { readOnnxHeader } from './protobuf-reader';

const TOLERANCE = 1e-4;

/** A seeded Sequential with every bias, batch-norm scale and running statistic set to non-trivial
 * values, so that zero biases and unit variances cannot hide a layout mistake. */
function buildModel(inputShape: readonly number[], layers: readonly LayerSpec[], seed = 1): Sequential {
  const rng = new Rng(seed);
  const model = new Sequential({ inputShape, layers }, rng);
  const fill = (t: Tensor | undefined, value: () => number) => {
    if (t !== undefined) for (let i = 0; i < t.data.length; i++) t.data[i] = value();
  };
  for (const layer of model.layers) {
    for (const p of layer.params()) {
      if (p.name === 'bias' || p.name === 'b' || p.name === 'beta') fill(p.value, () => 0.1 * rng.normal());
      if (p.name === 'gamma') fill(p.value, () => 1 + 0.2 * rng.normal());
    }
    const [mean, variance] = layer.state?.() ?? [];
    fill(mean, () => 0.2 * rng.normal());
    fill(variance, () => 0.5 + rng.next());
  }
  return model;
}

function randomBatch(inputShape: readonly number[], batch: number, seed: number): Tensor {
  const rng = new Rng(seed);
  const x = tensor([batch, ...inputShape]);
  for (let i = 0; i < x.data.length; i++) x.data[i] = rng.next();
  return x;
}

function softmaxRows(t: Tensor): Float32Array {
  const [rows, cols] = t.shape;
  const out = new Float32Array(t.data.length);
  for (let r = 0; r < rows; r++) {
    let max = -Infinity;
    for (let c = 0; c < cols; c++) max = Math.max(max, t.data[r * cols + c]);
    let sum = 0;
    for (let c = 0; c < cols; c++) sum += out[r * cols + c] = Math.exp(t.data[r * cols + c] - max);
    for (let c = 0; c < cols; c++) out[r * cols + c] /= sum;
  }
  return out;
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

const measured: Record<string, number> = {};

/** Runs `x` through the engine and onnxruntime; returns the max abs difference of logits and probabilities. */
async function compare(model: Sequential, bytes: Uint8Array, x: Tensor): Promise<number> {
  const session = await ort.InferenceSession.create(bytes);
  const result = await session.run({ input: new ort.Tensor('float32', x.data, [...x.shape]) });
  const out = model.forward(x, { training: false });
  const expected = { shape: out.shape, data: Float32Array.from(out.data) };
  const logits = result.logits;
  expect(logits.dims).toEqual(expected.shape);
  const dLogits = maxAbsDiff(logits.data as Float32Array, expected.data);
  const dProb = maxAbsDiff(result.probabilities.data as Float32Array, softmaxRows(expected));
  await session.release();
  return Math.max(dLogits, dProb);
}

const MNIST_DIR = fileURLToPath(new URL('../../datasets/data/mnist/manifest.json', import.meta.url));
let mnist: Tensor | undefined;
/** 256 labelled MNIST test images for the trained-model checks (random ones when not built). */
const trainingSet: Dataset = randomDataset(256);

function randomDataset(count: number): Dataset {
  const rng = new Rng(99);
  const images = Float32Array.from({ length: count * 784 }, () => rng.next());
  const labels = Int32Array.from({ length: count }, () => Math.floor(rng.next() * 10));
  return { images, labels, sampleShape: [1, 28, 28] };
}

beforeAll(async () => {
  if (!existsSync(MNIST_DIR)) return; // datasets not built: the MNIST half of each check is skipped
  const { loadDatasetBytes } = await import('../../datasets/load');
  const test = await loadDatasetBytes('mnist', 'test');
  const count = 8;
  mnist = tensor(
    [count, 1, 28, 28],
    Float32Array.from(test.pixels.subarray(0, count * 784), (p) => p / 255),
  );
});

const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

interface Case {
  readonly name: string;
  readonly inputShape: number[];
  readonly layers: readonly LayerSpec[];
  /** Checks on the engine model after the comparison (that a case exercises what it claims). */
  readonly check?: (model: Sequential) => void;
}

const cases: Case[] = [
  {
    name: 'MLP (flatten, dense, relu, dropout)',
    inputShape: [1, 28, 28],
    layers: [
      layer('flatten'),
      layer('dense', { units: 32 }),
      layer('relu'),
      layer('dropout', { rate: 0.3 }),
      layer('dense', { units: 16, useBias: false }),
      layer('relu'),
      layer('dense', { units: 10 }),
    ],
  },
  {
    name: 'LeNet-like CNN (conv valid/same/stride, maxpool, dense)',
    inputShape: [1, 28, 28],
    layers: [
      layer('conv2d', { filters: 4, kernelSize: 5 }),
      layer('relu'),
      layer('maxpool2d', { poolSize: 2 }),
      layer('conv2d', { filters: 6, kernelSize: 3, strides: 2, padding: 'same' }),
      layer('relu'),
      layer('conv2d', { filters: 5, kernelSize: [3, 2], padding: 1, useBias: false }),
      layer('maxpool2d', { poolSize: 3, strides: 2 }),
      layer('flatten'),
      layer('dense', { units: 24 }),
      layer('relu'),
      layer('dense', { units: 10 }),
    ],
  },
  {
    name: 'batch norm after conv and dense',
    inputShape: [1, 28, 28],
    layers: [
      layer('conv2d', { filters: 4, kernelSize: 5 }),
      layer('batchNorm'),
      layer('relu'),
      layer('maxpool2d', { poolSize: 2 }),
      layer('flatten'),
      layer('dense', { units: 20 }),
      layer('batchNorm', { epsilon: 1e-3 }),
      layer('relu'),
      layer('dense', { units: 10 }),
    ],
  },
  {
    name: 'LeakyReLU, Sigmoid, Tanh on flat input',
    inputShape: [784],
    layers: [
      layer('dense', { units: 24 }),
      layer('leakyRelu', { alpha: 0.1 }),
      layer('dense', { units: 20 }),
      layer('sigmoid'),
      layer('dense', { units: 16 }),
      layer('tanh'),
      layer('dense', { units: 10 }),
    ],
  },
  {
    name: 'fixed-point recurrent (tanh, plain iteration)',
    inputShape: [1, 28, 28],
    layers: [
      layer('flatten'),
      layer('dense', { units: 32 }),
      layer('relu'),
      layer('fixedPoint', { units: 16, activation: 'tanh', tolerance: 1e-5, maxIterations: 60 }),
      layer('dense', { units: 10 }),
    ],
  },
  {
    name: 'fixed-point recurrent (sigmoid, damped)',
    inputShape: [1, 28, 28],
    layers: [
      layer('flatten'),
      layer('dense', { units: 24 }),
      layer('tanh'),
      layer('fixedPoint', {
        units: 12,
        activation: 'sigmoid',
        damping: 0.6,
        spectralRadius: 2,
        tolerance: 1e-6,
      }),
      layer('dense', { units: 10 }),
    ],
  },
  {
    name: 'fixed-point recurrent stopped by its iteration cap',
    inputShape: [1, 28, 28],
    layers: [
      layer('flatten'),
      layer('fixedPoint', {
        units: 16,
        spectralRadius: 0.95,
        tolerance: 1e-9,
        maxIterations: 3,
        onNonConvergence: 'warn',
      }),
      layer('dense', { units: 10 }),
    ],
    check: (model) => {
      const stats = (model.layers[1] as FixedPoint).stats;
      expect(stats.forwardFailures).toBe(stats.forwardPasses);
    },
  },
];

describe('exportOnnx against onnxruntime', () => {
  for (const c of cases) {
    it(c.name, async () => {
      const model = buildModel(c.inputShape, c.layers, 7);
      const bytes = exportOnnx(model, { classes: DIGITS, name: c.name }, { probabilities: true });
      let worst = await compare(model, bytes, randomBatch(c.inputShape, 6, 11));
      // One sample alone: the batch dimension is dynamic.
      worst = Math.max(worst, await compare(model, bytes, randomBatch(c.inputShape, 1, 12)));
      if (mnist !== undefined) {
        const x = { shape: [mnist.shape[0], ...c.inputShape], data: mnist.data };
        expect(sizeOf(x.shape)).toBe(mnist.data.length);
        worst = Math.max(worst, await compare(model, bytes, x));
      }
      c.check?.(model);
      measured[c.name] = worst;
      expect(worst).toBeLessThan(TOLERANCE);
    });
  }

  for (const id of PRESET_IDS) {
    it(`the '${id}' preset, built through the layer registry`, async () => {
      const spec = preset(id, { classes: 10 }).model;
      const model = buildModel(spec.inputShape, spec.layers, 3);
      const bytes = exportOnnx(model, { classes: DIGITS, name: id }, { probabilities: true });
      let worst = await compare(model, bytes, randomBatch(spec.inputShape, 4, 21));
      if (mnist !== undefined) worst = Math.max(worst, await compare(model, bytes, mnist));
      measured[`preset ${id}`] = worst;
      expect(worst).toBeLessThan(TOLERANCE);
    });
  }

  // Trained weights: running statistics from real batches, a recurrent layer whose W has moved.
  const trained: Record<string, LayerSpec[]> = {
    'trained conv + batch norm': [
      layer('conv2d', { filters: 4, kernelSize: 5 }),
      layer('batchNorm'),
      layer('relu'),
      layer('maxpool2d'),
      layer('flatten'),
      layer('dense', { units: 10 }),
    ],
    'trained fixed-point recurrent': [
      layer('flatten'),
      layer('dense', { units: 32 }),
      layer('relu'),
      layer('fixedPoint', { units: 16, tolerance: 1e-4, maxIterations: 60 }),
      layer('dense', { units: 10 }),
    ],
  };
  for (const [name, layers] of Object.entries(trained)) {
    it(name, async () => {
      const model = new Sequential({ inputShape: [1, 28, 28], layers }, new Rng(4));
      await train(model, trainingSet, {
        epochs: 2,
        batchSize: 32,
        learningRate: 0.05,
        optimizer: { type: 'momentum', config: { momentum: 0.9 } },
      });
      const bytes = exportOnnx(model, { classes: DIGITS, name }, { probabilities: true });
      const x = { shape: [64, 1, 28, 28], data: trainingSet.images.subarray(0, 64 * 784) };
      let worst = await compare(model, bytes, x);
      if (mnist !== undefined) worst = Math.max(worst, await compare(model, bytes, mnist));
      measured[name] = worst;
      expect(worst).toBeLessThan(TOLERANCE);
    });
  }

  it('reports the measured differences', () => {
    // Visible in the test output; docs/onnx.md quotes these figures.
    const inputs =
      mnist === undefined ? 'random inputs (MNIST not built)' : 'random inputs and 8 MNIST test images';
    console.log(`max |engine − onnxruntime| per architecture, ${inputs}:`, measured);
  });
});

describe('exportOnnx model', () => {
  const model = buildModel([784], [layer('dense', { units: 3 })]);

  it('writes the header and metadata: classes, name, normalization', () => {
    const classes = ['a', 'é', '😀'];
    const normalization = { kind: 'mnist', size: 28, box: 20 };
    const header = readOnnxHeader(exportOnnx(model, { classes, name: 'letters v2', normalization }));
    expect(header.irVersion).toBe(ONNX_IR_VERSION);
    expect(header.opsetVersion).toBe(ONNX_OPSET);
    expect(header.producerName).toBe('glyph-lab');
    expect(JSON.parse(header.metadata.classes)).toEqual(classes);
    expect(header.metadata.name).toBe('letters v2');
    expect(JSON.parse(header.metadata.normalization)).toEqual(normalization);
  });

  it('names the input and outputs, with a dynamic batch dimension', async () => {
    const session = await ort.InferenceSession.create(exportOnnx(model, { classes: ['a', 'b', 'c'] }));
    expect(session.inputNames).toEqual(['input']);
    expect(session.outputNames).toEqual(['logits']);
    const meta = session.inputMetadata[0];
    expect(meta.isTensor && meta.shape).toEqual(['batch', 784]);
    await session.release();
    const withProbabilities = await ort.InferenceSession.create(
      exportOnnx(model, { classes: ['a', 'b', 'c'] }, { probabilities: true }),
    );
    expect(withProbabilities.outputNames).toEqual(['logits', 'probabilities']);
    await withProbabilities.release();
  });

  it('names a layer type that has no mapping', () => {
    const dense = model.layers[0];
    const unknown = Object.assign(Object.create(Object.getPrototypeOf(dense)), dense, { type: 'capsule' });
    expect(() => exportOnnx({ inputShape: [784], layers: [unknown] }, { classes: ['a', 'b', 'c'] })).toThrow(
      /layer type 'capsule' \(layer 0\) has no ONNX mapping/,
    );
  });

  it('has a mapping for every registered layer type', () => {
    expect(layerTypes().filter((t) => !exportableLayerTypes().includes(t))).toEqual([]);
  });

  it('exports a model loaded from the native format byte for byte as the original', () => {
    const original = buildModel([1, 28, 28], preset('cnn', { classes: 3 }).model.layers, 5);
    const meta = { classes: ['a', 'b', 'c'], normalization: { size: 28 } };
    const { json, weights } = serializeModel(original, meta);
    const loaded = deserializeModel(JSON.parse(JSON.stringify(json)), weights);
    const bytes = exportOnnx(loaded.model, { ...loaded.meta, name: 'cnn' });
    const expected = exportOnnx(original, { ...meta, name: 'cnn' });
    // Compared by hand: toEqual on 300 kB of bytes is seconds of deep equality.
    expect(bytes.length).toBe(expected.length);
    expect(bytes.findIndex((b, i) => b !== expected[i])).toBe(-1);
  });

  it('refuses class labels that do not match the outputs', () => {
    expect(() => exportOnnx(model, { classes: ['a', 'b'] })).toThrow(/2 class labels for 3 outputs/);
  });
});
