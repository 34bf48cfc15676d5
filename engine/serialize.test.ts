import { describe, expect, it } from 'vitest';
import { randomTensor } from './gradcheck';
import { type ModelSpec, Sequential } from './model';
import { layerTypes } from './registry';
import { Rng } from './rng';
import { deserializeModel, serializeModel } from './serialize';

// every layer type the engine registers appears at least once (fixedPoint comes from engine/recurrent)
const spec: ModelSpec = {
  inputShape: [1, 9, 8],
  layers: [
    { type: 'conv2d', config: { filters: 3, kernelSize: 3, strides: 1, padding: 'same' } },
    { type: 'batchNorm', config: { momentum: 0.2 } },
    { type: 'leakyRelu', config: { alpha: 0.1 } },
    { type: 'maxpool2d', config: { poolSize: 2 } },
    { type: 'conv2d', config: { filters: 2, kernelSize: [2, 3], padding: 1, useBias: false } },
    { type: 'tanh', config: {} },
    { type: 'flatten', config: {} },
    { type: 'dense', config: { units: 6, kernelInitializer: 'glorotUniform' } },
    { type: 'batchNorm', config: {} },
    { type: 'sigmoid', config: {} },
    { type: 'dropout', config: { rate: 0.3 } },
    { type: 'relu', config: {} },
    { type: 'fixedPoint', config: { units: 5 } },
    { type: 'dense', config: { units: 3 } },
  ],
};
const classes = ['a', 'b', 'c'];

function trained(): Sequential {
  const model = new Sequential(spec, new Rng(1));
  // move the batch-norm running statistics away from their initial values
  model.forward(randomTensor([4, 1, 9, 8], new Rng(2)), { training: true, rng: new Rng(3) });
  return model;
}

describe('serialize', () => {
  it('the test model covers every registered layer type', () => {
    expect(new Set(spec.layers.map((l) => l.type))).toEqual(new Set(layerTypes()));
  });

  it('round-trips every layer type with identical outputs, state and metadata', () => {
    const model = trained();
    const meta = {
      classes,
      normalization: { size: 28 },
      training: { epochs: 3 },
      metrics: { accuracy: 0.9 },
      metadata: { app: 1 },
    };
    const { json, weights } = serializeModel(model, meta);
    const { model: loaded, meta: loadedMeta } = deserializeModel(JSON.parse(JSON.stringify(json)), weights);
    expect(loadedMeta).toEqual(meta);
    expect(loaded.cloneWeights()).toEqual(model.cloneWeights());
    const x = randomTensor([2, 1, 9, 8], new Rng(4));
    expect(loaded.forward(x, { training: false }).data).toEqual(model.forward(x, { training: false }).data);
    expect(json.weights.tensors[0]).toEqual({ name: '0.conv2d.kernel', shape: [3, 1, 3, 3], offset: 0 });
  });

  it('writes little-endian float32', () => {
    const model = new Sequential(
      { inputShape: [1], layers: [{ type: 'dense', config: { units: 1 } }] },
      new Rng(1),
    );
    model.params()[0].value.data[0] = 1;
    const { weights } = serializeModel(model, { classes: ['x'] });
    expect([...weights.subarray(0, 4)]).toEqual([0, 0, 0x80, 0x3f]);
  });

  it('gives clear errors for bad files', () => {
    const { json, weights } = serializeModel(trained(), { classes });
    const load =
      (j: unknown, w = weights) =>
      () =>
        deserializeModel(j, w);
    expect(load({ ...json, format: 'keras' })).toThrow(/not a Glyph Lab model/);
    expect(load({ ...json, version: 2 })).toThrow(/version 2 is not supported \(supported: 1\)/);
    expect(load({ ...json, layers: [{ type: 'capsule', config: {} }] })).toThrow(
      /unknown layer type 'capsule'/,
    );
    expect(load(json, weights.subarray(0, weights.length - 8))).toThrow(/truncated/);
    expect(load({ ...json, classes: ['a'] })).toThrow(/1 classes for a model with 3 outputs/);
    const tensors = [...json.weights.tensors];
    tensors[0] = { ...tensors[0], shape: [3, 1, 5, 5] };
    expect(load({ ...json, weights: { ...json.weights, tensors } })).toThrow(
      /0.conv2d.kernel \[3, 1, 5, 5\]/,
    );
    const nan = Uint8Array.from(weights);
    new DataView(nan.buffer).setFloat32(8, Number.NaN, true);
    expect(load(json, nan)).toThrow(/0.conv2d.kernel holds NaN at index 2/);
  });

  it('refuses to save with the wrong number of classes', () => {
    expect(() => serializeModel(trained(), { classes: ['a'] })).toThrow(/3 outputs but 1 classes/);
  });
});
