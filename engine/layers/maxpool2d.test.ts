import { describe, expect, it } from 'vitest';
import { gradcheck } from '../gradcheck';
import { Rng } from '../rng';
import { tensor } from '../tensor';
import { MaxPool2D } from './maxpool2d';

describe('MaxPool2D', () => {
  it('takes the max of each window and routes the gradient there', () => {
    const layer = new MaxPool2D({ poolSize: 2 });
    expect(layer.build([1, 2, 4])).toEqual([1, 1, 2]);
    const y = layer.forward(tensor([1, 1, 2, 4], [1, 5, 2, 0, 3, 4, 7, 6]), { training: true });
    expect([...y.data]).toEqual([5, 7]);
    const dx = layer.backward(tensor([1, 1, 1, 2], [10, 20]));
    expect([...dx.data]).toEqual([0, 10, 0, 0, 0, 0, 20, 0]);
  });

  it('NOTE: on a tie the first maximum takes the whole gradient', () => {
    const layer = new MaxPool2D({ poolSize: 2 });
    layer.build([1, 2, 2]);
    layer.forward(tensor([1, 1, 2, 2], [3, 3, 3, 3]), { training: true });
    expect([...layer.backward(tensor([1, 1, 1, 1], [1])).data]).toEqual([1, 0, 0, 0]);
  });

  it('passes the gradient check: batch 3, 2×5×7, size 2 stride 2 and size 3 stride 2 (overlapping)', () => {
    for (const options of [{ poolSize: 2 }, { poolSize: 3, strides: 2 }]) {
      const layer = new MaxPool2D(options);
      layer.build([2, 5, 7]);
      // distinct values 0.05 apart in random order: no window has a near-tie for eps to straddle
      const x = tensor(
        [3, 2, 5, 7],
        Float32Array.from({ length: 210 }, (_, i) => i * 0.05 - 5),
      );
      new Rng(4).shuffle(x.data);
      expect(gradcheck(layer, x).max).toBeLessThan(1e-2);
    }
  });

  it('round-trips its config', () => {
    const layer = new MaxPool2D({ poolSize: 3, strides: 1 });
    expect(MaxPool2D.fromJSON(layer.toJSON().config).options).toEqual(layer.options);
  });
});
