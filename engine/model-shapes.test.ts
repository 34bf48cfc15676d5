import { describe, expect, it } from 'vitest';
import type { LayerSpec } from './layer';
import { type ModelSpec, Sequential } from './model';
import { MODEL_LIMITS, modelShapes, planModel, tooBig } from './model-shapes';
import { PRESET_IDS, preset } from './presets';
import { layerTypes } from './registry';
import { Rng } from './rng';
import './recurrent';
import { layer } from './test-specs';

// every registered layer type, with and without bias, dense and NCHW batch norm
const spec: ModelSpec = {
  inputShape: [2, 11, 9],
  layers: [
    { type: 'conv2d', config: { filters: 3, kernelSize: [3, 2], strides: [2, 1], padding: 'same' } },
    { type: 'batchNorm', config: {} },
    { type: 'relu', config: {} },
    { type: 'maxpool2d', config: { poolSize: 2, strides: 1 } },
    { type: 'conv2d', config: { filters: 4, kernelSize: 2, padding: 1, useBias: false } },
    { type: 'leakyRelu', config: { alpha: 0.2 } },
    { type: 'flatten', config: {} },
    { type: 'dense', config: { units: 7, useBias: false } },
    { type: 'batchNorm', config: {} },
    { type: 'tanh', config: {} },
    { type: 'dropout', config: { rate: 0.1 } },
    { type: 'fixedPoint', config: { units: 5 } },
    { type: 'sigmoid', config: {} },
    { type: 'dense', config: { units: 3 } },
  ],
};

describe('modelShapes', () => {
  it('gives, for every layer type, the shapes the built model has', () => {
    expect(new Set(spec.layers.map((l) => l.type))).toEqual(new Set(layerTypes()));
    const shapes = modelShapes(spec);
    const model = new Sequential(spec, new Rng(1));
    expect(shapes.outputShape).toEqual(model.outputShape);
    expect(shapes.layerInputShapes).toEqual(model.layerInputShapes);
    expect(shapes.tensors).toEqual(
      model.namedTensors().map((t) => ({ name: t.name, shape: t.tensor.shape })),
    );
    expect(shapes.parameters).toBe(model.params().reduce((n, p) => n + p.value.data.length, 0));
    expect(shapes.values).toBe(model.cloneWeights().reduce((n, w) => n + w.length, 0));
  });

  it('names the layer a spec cannot take', () => {
    expect(() =>
      modelShapes({
        inputShape: [784],
        layers: [
          { type: 'dense', config: { units: 4 } },
          { type: 'maxpool2d', config: {} },
        ],
      }),
    ).toThrow(/^layer 1 \(maxpool2d\): maxpool2d: expects NCHW input/);
    expect(() =>
      modelShapes({ inputShape: [784], layers: [{ type: 'dense', config: { units: -1 } }] }),
    ).toThrow(/^layer 0 \(dense\): dense: units must be a positive integer/);
  });

  it('refuses a spec past the limits, naming the layer', () => {
    expect(() =>
      modelShapes({ inputShape: [1, 100_000, 1], layers: [{ type: 'flatten', config: {} }] }),
    ).toThrow(/the input shape \[1, 100000, 1\] has a dimension over the limit/);
    expect(() =>
      modelShapes({
        inputShape: [1, 2048, 2048],
        layers: [{ type: 'conv2d', config: { filters: 8, kernelSize: 3, padding: 'same' } }],
      }),
    ).toThrow(/layer 0 \(conv2d\): the output \[8, 2048, 2048\] holds 33,554,432 values per sample/);
    const limits = { ...MODEL_LIMITS, values: 80 };
    expect(() =>
      modelShapes(
        {
          inputShape: [10],
          layers: [
            { type: 'dense', config: { units: 5 } },
            { type: 'dense', config: { units: 5 } },
          ],
        },
        limits,
      ),
    ).toThrow(/^layer 1 \(dense\): the model would hold 85 weights by this layer, over the limit of 80$/);
  });
});

describe('planModel', () => {
  const custom: LayerSpec[][] = [
    [
      layer('conv2d', { filters: 5, kernelSize: [3, 5], strides: [2, 1], padding: 'same', useBias: false }),
      layer('batchNorm'),
      layer('leakyRelu'),
      layer('maxpool2d', { poolSize: 3, strides: 2 }),
      layer('conv2d', { filters: 4, kernelSize: 2, padding: 1 }),
      layer('flatten'),
      layer('dropout', { rate: 0.3 }),
      layer('dense', { units: 7, useBias: false }),
      layer('fixedPoint', { units: 6 }),
      layer('batchNorm'),
      layer('dense', { units: 3 }),
    ],
  ];

  it('gives the output shape and parameter count that building gives, for every preset and a mixed stack', () => {
    const specs = [
      ...PRESET_IDS.map((id) => preset(id, { classes: 26, inputShape: [1, 28, 28] }).model.layers),
      ...custom,
    ];
    for (const layers of specs) {
      const plan = planModel([1, 28, 28], layers);
      const built = new Sequential({ inputShape: [1, 28, 28], layers }, new Rng(1));
      expect(plan.outputShape).toEqual(built.outputShape);
      expect(plan.parameters).toBe(built.params().reduce((n, p) => n + p.value.data.length, 0));
      expect(plan.layers.map((l) => l.outputShape)).toEqual(
        built.layers.map((_, i) =>
          i + 1 < built.layers.length ? built.layerInputShapes[i + 1] : built.outputShape,
        ),
      );
    }
  });

  it('names the layer whose config or shape is wrong', () => {
    expect(() => planModel([1, 28, 28], [layer('dense', { units: 10 })])).toThrow(
      /layer 1 \(dense\): dense: expects \[batch, features\] input.*add a flatten layer/,
    );
    expect(() => planModel([1, 28, 28], [layer('conv2d', { filters: 2, kernelSize: 40 })])).toThrow(
      /layer 1 \(conv2d\): convolution: kernel 40 does not fit input 28/,
    );
    expect(() => planModel([784], [layer('dense', { units: -3 })])).toThrow(/layer 1 \(dense\): .*units/);
    expect(() => planModel([784], [layer('mystery')])).toThrow(/unknown layer type 'mystery'/);
    expect(() => planModel([784], [])).toThrow(/at least one layer/);
  });

  it('sizes a million-unit layer without allocating it, and tooBig refuses it', () => {
    const plan = planModel([1, 28, 28], [layer('flatten'), layer('dense', { units: 1_000_000 })]);
    expect(plan.parameters).toBe(785_000_000);
    expect(tooBig(plan, 64)).toMatch(/^785 M parameters; the most is 50 M$/);

    const conv = (filters: number) => layer('conv2d', { filters, kernelSize: 9, padding: 'same' });
    const wide = planModel([1, 28, 28], [conv(256), conv(256)]);
    expect(wide.parameters).toBeLessThan(MODEL_LIMITS.parameters);
    expect(tooBig(wide, 64)).toMatch(/values per image/);

    const mlp = planModel([1, 28, 28], preset('mlp', { classes: 10 }).model.layers);
    expect(tooBig(mlp, 64)).toBeUndefined();
    expect(tooBig(mlp, 1_000_000)).toMatch(/a batch of 1000000 would hold/);
  });
});
