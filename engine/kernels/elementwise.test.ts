import { describe, expect, it } from 'vitest';
import {
  addChannelVector,
  addRowVector,
  allFinite,
  softmaxRows,
  sumChannelsInto,
  sumRowsInto,
} from './elementwise';

describe('elementwise', () => {
  it('softmax rows sum to 1, even for huge logits', () => {
    const x = new Float32Array([1000, 0, -1000, 1, 2, 3]);
    const out = new Float32Array(6);
    softmaxRows(x, 2, 3, out);
    expect(out[0] + out[1] + out[2]).toBeCloseTo(1, 6);
    expect(out[3] + out[4] + out[5]).toBeCloseTo(1, 6);
    expect(out[0]).toBe(1);
    expect(allFinite(out)).toBe(true);
  });

  it('bias add and its gradient are adjoint (rows and channels)', () => {
    const y = new Float32Array(6);
    addRowVector(y, 2, 3, new Float32Array([1, 2, 3]));
    expect([...y]).toEqual([1, 2, 3, 1, 2, 3]);
    const g = new Float32Array(3);
    sumRowsInto(y, 2, 3, g);
    expect([...g]).toEqual([2, 4, 6]);
    const z = new Float32Array(2 * 2 * 3); // [batch 2, channels 2, size 3]
    addChannelVector(z, 2, 2, 3, new Float32Array([1, -1]));
    const h = new Float32Array(2);
    sumChannelsInto(z, 2, 2, 3, h);
    expect([...h]).toEqual([6, -6]);
  });

  it('allFinite spots NaN and Infinity', () => {
    expect(allFinite(new Float32Array([0, Number.NaN]))).toBe(false);
    expect(allFinite(new Float32Array([Number.NEGATIVE_INFINITY]))).toBe(false);
  });
});
