import { describe, expect, it } from 'vitest';
import { randomTensor } from './gradcheck';
import { Sequential } from './model';
import { Recognizer } from './predict';
import { Rng } from './rng';

describe('Recognizer', () => {
  it('gives the same probabilities as Sequential.predict, reusing its buffers', () => {
    const model = new Sequential(
      {
        inputShape: [1, 6, 6],
        layers: [
          { type: 'conv2d', config: { filters: 2, kernelSize: 3 } },
          { type: 'relu', config: {} },
          { type: 'flatten', config: {} },
          { type: 'dense', config: { units: 5 } },
        ],
      },
      new Rng(1),
    );
    const recognizer = new Recognizer(model);
    const x = randomTensor([1, 1, 6, 6], new Rng(2));
    const p = recognizer.predict(x.data);
    expect(p).toBe(recognizer.predict(x.data));
    const want = model.predict(x).data;
    for (let k = 0; k < 5; k++) expect(p[k]).toBeCloseTo(want[k], 6);
    expect(recognizer.best()).toBe(want.indexOf(Math.max(...want)));
    expect(() => recognizer.predict([1, 2])).toThrow(/expected 36 input values/);
  });
});
