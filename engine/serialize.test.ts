import { describe, expect, it } from 'vitest';
import { randomTensor } from './gradcheck';
import { type ModelSpec, Sequential } from './model';
import { layerTypes } from './registry';
import { Rng } from './rng';
import { checkModelFile, deserializeModel, serializeModel } from './serialize';

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

  it('refuses weights that are infinite or absurdly large (±3.4e38 once predicted "100 %")', () => {
    const { json, weights } = serializeModel(trained(), { classes });
    const huge = Uint8Array.from(weights);
    new DataView(huge.buffer).setFloat32(4, 3.4e38, true);
    expect(() => deserializeModel(json, huge)).toThrow(
      /0.conv2d.kernel holds 3.4\d*e\+38 at index 1 \(weights must be within ±1e\+6\)/,
    );
    const negative = Uint8Array.from(weights);
    new DataView(negative.buffer).setFloat32(0, -3.4e38, true);
    expect(() => deserializeModel(json, negative)).toThrow(/within ±1e\+6/);
    const infinite = Uint8Array.from(weights);
    new DataView(infinite.buffer).setFloat32(0, Number.POSITIVE_INFINITY, true);
    expect(() => deserializeModel(json, infinite)).toThrow(/holds Infinity at index 0/);
  });

  it('sizes a 1 KB file declaring a 1,000,000-unit layer by arithmetic and refuses it before building', () => {
    const json = {
      format: 'glyph-lab-model',
      version: 1,
      inputShape: [1, 28, 28],
      classes: ['0', '1'],
      layers: [
        { type: 'flatten', config: {} },
        { type: 'dense', config: { units: 1_000_000 } },
        { type: 'dense', config: { units: 2 } },
      ],
      weights: { byteLength: 16, tensors: [{ name: '1.dense.kernel', shape: [784, 1_000_000], offset: 0 }] },
    };
    expect(JSON.stringify(json).length).toBeLessThan(1024);
    // Building this network allocates 6 GB (value and gradient): the check must come first.
    expect(() => checkModelFile(json, 16)).toThrow(
      /layer 1 \(dense\): the output \[1000000\] has a dimension over the limit of 65,536/,
    );
    expect(() => deserializeModel(json, new Uint8Array(16))).toThrow(/layer 1 \(dense\)/);
    // under the dimension limit, the weight count is what refuses it
    const wide = {
      ...json,
      layers: [json.layers[0], { type: 'dense', config: { units: 65_536 } }, json.layers[2]],
    };
    expect(() => deserializeModel(wide, new Uint8Array(16))).toThrow(
      /layer 1 \(dense\): the model would hold 51,445,760 weights by this layer, over the limit of 50,000,000/,
    );
  });

  it('checks the declared byte length against the layers before building', () => {
    const { json, weights } = serializeModel(trained(), { classes });
    expect(checkModelFile(json, weights.byteLength).shapes.values * 4).toBe(weights.byteLength);
    expect(() => checkModelFile({ ...json, weights: { ...json.weights, byteLength: 16 } }, 16)).toThrow(
      /weights.byteLength is 16, the layers need \d+/,
    );
  });

  it('refuses to save with the wrong number of classes', () => {
    expect(() => serializeModel(trained(), { classes: ['a'] })).toThrow(/3 outputs but 1 classes/);
  });
});
