import { afterEach, describe, expect, it } from 'vitest';
import { Adam, AdamW, globalGradNorm, Momentum } from '../optimizers/index';
import { Rng } from '../rng';
import { type Param, param } from '../tensor';
import { addWasm } from './optimizers';
import { setWasmKernels } from './runtime';

afterEach(() => {
  setWasmKernels(true);
});

/** Two identical random parameter sets (odd sizes to reach the scalar tails). */
function twins(seed: number): [Param[], Param[]] {
  const make = () => {
    const rng = new Rng(seed);
    return [[37], [5, 7], [1]].map((shape, i) => {
      const p = param(`p${i}`, shape, i !== 2);
      for (let j = 0; j < p.value.data.length; j++) {
        p.value.data[j] = rng.normal();
        p.grad.data[j] = rng.normal();
      }
      return p;
    });
  };
  return [make(), make()];
}

function expectClose(a: Param[], b: Param[], tolerance: number): void {
  a.forEach((p, i) => {
    p.value.data.forEach((v, j) => {
      expect(Math.abs(v - b[i].value.data[j])).toBeLessThan(tolerance * Math.max(1, Math.abs(v)));
    });
  });
}

describe('WebAssembly optimizer updates equal the TypeScript loops', () => {
  const cases = [
    ['momentum', () => new Momentum({ momentum: 0.9, weightDecay: 1e-3 })],
    ['adam', () => new Adam({ weightDecay: 1e-3 })],
    ['adamw', () => new AdamW({ weightDecay: 1e-2 })],
  ] as const;
  for (const [name, create] of cases) {
    it(`${name}, five steps`, () => {
      const [wasm, ts] = twins(7);
      const [a, b] = [create(), create()];
      for (let s = 0; s < 5; s++) {
        expect(setWasmKernels(true)).toBe(true);
        a.step(wasm, 0.01 * (s + 1));
        setWasmKernels(false);
        b.step(ts, 0.01 * (s + 1));
      }
      expectClose(wasm, ts, 1e-5);
    });
  }

  it('the global gradient norm (float64 sums)', () => {
    const [params] = twins(3);
    expect(setWasmKernels(true)).toBe(true);
    const wasm = globalGradNorm(params);
    setWasmKernels(false);
    expect(wasm).toBeCloseTo(globalGradNorm(params), 10);
    params[1].grad.data[3] = Number.NaN;
    expect(globalGradNorm(params)).toBeNaN();
    setWasmKernels(true);
    expect(globalGradNorm(params)).toBeNaN();
  });
});

describe('addWasm', () => {
  it('adds over every length, tails included', () => {
    for (const n of [1, 3, 4, 7, 33]) {
      const x = Float32Array.from({ length: n }, (_, i) => i + 0.5);
      const y = Float32Array.from({ length: n }, (_, i) => -2 * i);
      expect(addWasm(x, y)).toBe(true);
      expect(Array.from(y)).toEqual(Array.from({ length: n }, (_, i) => 0.5 - i));
    }
  });
});
