import { describe, expect, it } from 'vitest';
import { type ModelSpec, Sequential } from './model';
import { MODEL_LIMITS, modelShapes } from './model-shapes';
import { layerTypes } from './registry';
import { Rng } from './rng';
import './recurrent';

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
