import { describe, expect, it } from 'vitest';
import type { LayerSpec } from './layer';
import { Sequential } from './model';
import { PRESET_IDS, preset } from './presets';
import { Rng } from './rng';
import { planModel, SIZE_LIMITS, tooBig } from './shape-check';
import { layer } from './test-specs';

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
    expect(wide.parameters).toBeLessThan(SIZE_LIMITS.parameters);
    expect(tooBig(wide, 64)).toMatch(/values per image/);

    const mlp = planModel([1, 28, 28], preset('mlp', { classes: 10 }).model.layers);
    expect(tooBig(mlp, 64)).toBeUndefined();
    expect(tooBig(mlp, 1_000_000)).toMatch(/a batch of 1000000 would hold/);
  });
});
