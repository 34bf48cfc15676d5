import { describe, expect, it } from 'vitest';
import { initialize } from './init';
import { Rng } from './rng';

function variance(x: Float32Array): number {
  let mean = 0;
  for (const v of x) mean += v;
  mean /= x.length;
  let s = 0;
  for (const v of x) s += (v - mean) ** 2;
  return s / x.length;
}

describe('init', () => {
  it('He and Glorot have the variance their papers prescribe, normal and uniform alike', () => {
    const out = new Float32Array(20000);
    const fanIn = 100;
    const fanOut = 300;
    for (const [name, want] of [
      ['heNormal', 2 / fanIn],
      ['heUniform', 2 / fanIn],
      ['glorotNormal', 2 / (fanIn + fanOut)],
      ['glorotUniform', 2 / (fanIn + fanOut)],
    ] as const) {
      initialize(name, out, fanIn, fanOut, new Rng(1));
      expect(variance(out) / want).toBeGreaterThan(0.95);
      expect(variance(out) / want).toBeLessThan(1.05);
    }
  });

  it('is deterministic for a seed', () => {
    const a = new Float32Array(10);
    const b = new Float32Array(10);
    initialize('heNormal', a, 10, 10, new Rng(5));
    initialize('heNormal', b, 10, 10, new Rng(5));
    expect(a).toEqual(b);
  });
});
