import { describe, expect, it } from 'vitest';
import { randomTensor } from './gradcheck';
import { Sequential } from './model';
import { Rng } from './rng';
import { heatMap, saliency, smoothHeatMap } from './saliency';
import { tensor } from './tensor';

describe('saliency', () => {
  const model = new Sequential(
    {
      inputShape: [1, 5, 7],
      layers: [
        { type: 'conv2d', config: { filters: 2, kernelSize: 3, padding: 'same' } },
        { type: 'batchNorm', config: {} },
        { type: 'tanh', config: {} },
        { type: 'flatten', config: {} },
        { type: 'dense', config: { units: 3 } },
      ],
    },
    new Rng(1),
  );

  it('is the gradient of the class logit wrt the input (finite differences in float64)', () => {
    const x = randomTensor([1, 1, 5, 7], new Rng(2));
    const grad = saliency(model, x, 2);
    expect(grad.shape).toEqual([1, 1, 5, 7]);
    const eps = 1e-2;
    for (let i = 0; i < x.data.length; i++) {
      const original = x.data[i];
      x.data[i] = original + eps;
      const plus = model.forward(x, { training: false }).data[2];
      x.data[i] = original - eps;
      const minus = model.forward(x, { training: false }).data[2];
      x.data[i] = original;
      expect(grad.data[i]).toBeCloseTo((plus - minus) / (2 * eps), 3);
    }
  });

  it('leaves parameter gradients untouched and makes a [0, 1] heat map', () => {
    const before = model.params().map((p) => Float32Array.from(p.grad.data));
    const map = heatMap(saliency(model, randomTensor([1, 1, 5, 7], new Rng(3)), 0));
    expect(model.params().map((p) => p.grad.data)).toEqual(before);
    expect(Math.max(...map.data)).toBe(1);
    expect(Math.min(...map.data)).toBeGreaterThanOrEqual(0);
  });

  it('smooths speckle, ignores a lone hot pixel and keeps blank maps blank', () => {
    // A faint 4×4 plateau in the top-left corner and one hot pixel, 100× stronger, at (7, 7).
    const g = tensor([1, 1, 10, 10]);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 4; x++) g.data[y * 10 + x] = 1;
    g.data[77] = -100;
    const map = smoothHeatMap(g, 0.8);
    expect(Math.max(...map.data)).toBe(1);
    expect(Math.min(...map.data)).toBeGreaterThanOrEqual(0);
    expect(map.data[11]).toBeGreaterThan(0.5); // the plateau still shows (plain heatMap: 0.01)…
    expect(heatMap(g).data[11]).toBeCloseTo(0.01, 5);
    expect(map.data[76]).toBe(1); // …the hot pixel spreads to its neighbours, clamped…
    expect(map.data[9]).toBe(0); // …and far from both there is nothing
    expect([...smoothHeatMap(tensor([1, 1, 3, 3])).data].every((v) => v === 0)).toBe(true);
  });
});
