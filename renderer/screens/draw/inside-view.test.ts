// The panel's view data from a real engine inspection: a small convolutional network and the classic
// sigmoid perceptron on a 28×28 input.

import { describe, expect, it } from 'vitest';
import { inspect } from '../../../engine/inspect';
import { type ModelSpec, Sequential } from '../../../engine/model';
import { preset } from '../../../engine/presets';
import { Rng } from '../../../engine/rng';
import { ENGINE_LOSS } from '../../inference/inspect-settings';
import { figure, insideView, MAX_FILTERS, MAX_MAPS, resolveTarget } from './inside-view';

const CNN: ModelSpec = {
  inputShape: [1, 28, 28],
  layers: [
    { type: 'conv2d', config: { filters: 40, kernelSize: 5 } },
    { type: 'relu', config: {} },
    { type: 'maxpool2d', config: { poolSize: 2, strides: 2 } },
    { type: 'flatten', config: {} },
    { type: 'dense', config: { units: 3 } },
  ],
};
const classes = ['a', 'b', 'c'];
const image = () => {
  const rng = new Rng(3);
  return Float32Array.from({ length: 784 }, () => (rng.next() < 0.2 ? rng.next() : 0));
};

describe('insideView', () => {
  it('feature maps for convolutions (at most MAX_MAPS drawn), bars for dense, flatten as a reshape', () => {
    const model = new Sequential(CNN, new Rng(1));
    const v = insideView(inspect(model, image()), classes, { loss: 'cross-entropy' });
    expect(v.activations.map((a) => a.picture.kind)).toEqual(['maps', 'maps', 'maps', 'same', 'bars']);
    const conv = v.activations[0]!;
    expect(conv.shape).toBe('40 × 24 × 24');
    expect(conv.label).toBe('Layer 0, conv2d: 40 feature maps of 24 × 24');
    if (conv.picture.kind !== 'maps') throw new Error('maps expected');
    expect(conv.picture.images).toHaveLength(MAX_MAPS);
    expect(conv.picture.total).toBe(40);
    expect(conv.picture.images[0]).toHaveLength(24 * 24);
    const out = v.activations[4]!.picture;
    if (out.kind !== 'bars') throw new Error('bars expected');
    expect(out.values).toHaveLength(3);
    expect(out.lo).toBeLessThanOrEqual(0);
    expect(out.hi).toBeGreaterThanOrEqual(0);
    expect(v.activations[1]!.summary).toMatch(/^0 to .* · \d+% zero$/);
    // The filters: one 5×5 image per filter, on a scale centred on zero.
    expect(v.filters).toMatchObject({ layer: 0, type: 'conv2d', total: 40, height: 5, width: 5 });
    expect(v.filters!.lo).toBe(-v.filters!.hi);
    expect(v.backward).toBeNull(); // no target, no backward pass
  });

  it('the classic network: dense filters as 28×28 images, its backward pass from the output back', () => {
    const spec = preset('classic', { classes: 3 });
    const model = new Sequential(spec.model, new Rng(2));
    const r = inspect(model, image(), { target: 1, loss: ENGINE_LOSS.mse, learningRate: 3 });
    const v = insideView(r, classes, { loss: 'mse' });
    expect(v.filters).toMatchObject({ type: 'dense', total: 100, height: 28, width: 28 });
    expect(v.filters!.images.length).toBeLessThanOrEqual(MAX_FILTERS);

    const b = v.backward!;
    expect(b).toMatchObject({ target: 1, targetLabel: 'b', loss: 'squared error on sigmoid outputs' });
    expect(b.learningRate).toBe(3);
    // actual − desired per class: σ(z) against the one-hot target.
    expect(b.errors.map((e) => e.desired)).toEqual([0, 1, 0]);
    for (const e of b.errors) expect(e.error).toBeCloseTo(e.actual - e.desired, 6);
    expect(b.errors[1]!.error).toBeLessThan(0);
    expect(b.errors.filter((e) => e.isTarget).map((e) => e.label)).toEqual(['b']);
    expect(Math.max(...b.errors.map((e) => Math.abs(e.fraction)))).toBeCloseTo(1, 6);

    // One row per layer, last first; gradients only where there are weights.
    expect(b.layers.map((l) => l.type)).toEqual(['dense', 'sigmoid', 'dense', 'flatten']);
    expect(b.layers.map((l) => l.index)).toEqual([3, 2, 1, 0]);
    expect(b.layers[0]!.gradients.map((g) => g.name)).toEqual(['kernel', 'bias']);
    expect(b.layers[1]!.gradients).toEqual([]);
    const back = r.backward!.layers;
    expect(b.layers[0]!.signal).toBe(back[3]!.norm);
    const g = b.layers[0]!.gradients[0]!;
    expect(g.step).toBeCloseTo(3 * g.norm, 6);
    const fractions = [b.outputFraction, ...b.layers.map((l) => l.fraction)];
    expect(Math.max(...fractions)).toBeCloseTo(1, 6);
    for (const f of fractions) expect(f).toBeGreaterThanOrEqual(0);
    const gradientFractions = b.layers.flatMap((l) => l.gradients.map((x) => x.fraction));
    expect(Math.max(...gradientFractions)).toBeCloseTo(1, 6);
  });
});

describe('resolveTarget', () => {
  it('the class picked, else the top prediction, else none', () => {
    expect(resolveTarget(2, 0, 3)).toBe(2);
    expect(resolveTarget(null, 0, 3)).toBe(0);
    expect(resolveTarget(7, 1, 3)).toBe(1); // picked on a model with more classes
    expect(resolveTarget(null, null, 3)).toBeNull();
  });
});

describe('figure', () => {
  it('three significant digits, exponent form when tiny', () => {
    expect(figure(0)).toBe('0');
    expect(figure(0.123456)).toBe('0.123');
    expect(figure(12.345)).toBe('12.3');
    expect(figure(0.0000123)).toBe('1.2e-5');
  });
});
