import { afterEach, describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { releaseResident } from '../wasm/memory';
import { gemm, gemmTs } from './gemm';
import { setWasmKernels } from './index';
import { adamUpdate, momentumUpdate } from './optimizers';

afterEach(() => {
  setWasmKernels(true);
  releaseResident();
});

const random = (rng: Rng, n: number) => Float32Array.from({ length: n }, () => rng.uniform(-1, 1));

/** Two copies of one parameter set (weights, gradients, two state arrays), sizes off the f32x4 width. */
function twins(seed: number) {
  const rng = new Rng(seed);
  const one = [1000, 37, 4].map((n) => ({
    w: random(rng, n),
    g: random(rng, n),
    m: new Float32Array(n),
    v: new Float32Array(n),
  }));
  const copy = () => one.map((p) => ({ w: p.w.slice(), g: p.g, m: p.m.slice(), v: p.v.slice() }));
  return [copy(), copy()] as const;
}

type Set = ReturnType<typeof twins>[0];
const scalars = {
  beta1: 0.9,
  beta2: 0.999,
  c1: 1.1,
  c2: 1.3,
  epsilon: 1e-8,
  lr: 0.01,
  l2: 0.001,
  decoupled: 0,
};

function step(kind: 'momentum' | 'adam', set: Set, owner: object | undefined) {
  for (const p of set) {
    if (kind === 'momentum') momentumUpdate(p.w, p.g, p.v, 0.9, 0.01, 0.001, owner);
    else adamUpdate(p.w, p.g, p.m, p.v, scalars, owner);
  }
}

describe('optimizer state resident in WebAssembly memory', () => {
  for (const kind of ['momentum', 'adam'] as const) {
    it(`${kind}: the same weights and state as copied in and out each step, through owner changes and the TypeScript path`, () => {
      const [kept, copied] = twins(3);
      const [other, otherCopied] = twins(4);
      const a = {};
      const b = {};
      // owner a for three steps, b steals the resident part, a again, then two steps on the
      // TypeScript path (which must read a's state back from memory), then WebAssembly again
      const plan: [Set, Set, object, boolean][] = [
        [kept, copied, a, true],
        [kept, copied, a, true],
        [kept, copied, a, true],
        [other, otherCopied, b, true],
        [kept, copied, a, true],
        [kept, copied, a, false],
        [kept, copied, a, false],
        [kept, copied, a, true],
      ];
      for (const [set, reference, owner, wasm] of plan) {
        expect(setWasmKernels(wasm)).toBe(wasm);
        step(kind, set, owner);
        step(kind, reference, undefined);
      }
      releaseResident();
      for (const [got, want] of [
        [kept, copied],
        [other, otherCopied],
      ]) {
        got.forEach((p, i) => {
          expect(p.w).toEqual(want[i].w);
          expect(p.v).toEqual(want[i].v);
          expect(p.m).toEqual(want[i].m);
        });
      }
    });
  }

  it('GEMM runs above the resident part (its work area moves up): it agrees with TypeScript and leaves the state alone', () => {
    const [kept, copied] = twins(5);
    const owner = {};
    step('momentum', kept, owner);
    step('momentum', copied, undefined);
    const rng = new Rng(6);
    const [m, n, k] = [37, 70, 300];
    const a = random(rng, m * k);
    const b = random(rng, k * n);
    const got = new Float32Array(m * n);
    const want = new Float32Array(m * n);
    gemm(false, false, m, n, k, 1, a, 0, b, 0, 0, got, 0);
    gemmTs(false, false, m, n, k, 1, a, 0, b, 0, 0, want, 0);
    for (let i = 0; i < want.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-4);
    step('momentum', kept, owner);
    step('momentum', copied, undefined);
    releaseResident();
    kept.forEach((p, i) => {
      expect(p.v).toEqual(copied[i].v);
      expect(p.w).toEqual(copied[i].w);
    });
  });
});
