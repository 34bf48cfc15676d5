import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { setWasmKernels } from '../wasm/runtime';
import { gemmNaive, gemmTs, gemm as gemmWithBackend } from './gemm';
import { oddGemmSizes } from './random-gemm';

function random(n: number, rng: Rng): Float32Array {
  const a = new Float32Array(n);
  for (let i = 0; i < n; i++) a[i] = rng.uniform(-1, 1);
  return a;
}

function maxDiff(a: Float32Array, b: Float32Array): number {
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
}

// Every case runs on both paths: the WebAssembly SIMD kernel (where the runtime has SIMD) and the
// pure-TypeScript fallback.
const wasmLoaded = setWasmKernels(true);
const paths: [string, typeof gemmTs][] = [
  ['typescript', gemmTs],
  ...(wasmLoaded ? ([['webassembly', gemmWithBackend]] as [string, typeof gemmTs][]) : []),
];

it('loads the WebAssembly SIMD kernels under Node', () => {
  expect(wasmLoaded).toBe(true);
});

describe.each(paths)('gemm (%s)', (_path, gemm) => {
  const rng = new Rng(7);
  // odd shapes, and shapes crossing the MC=64 / KC=256 / NC=512 block borders and the 4×8 tile edges
  for (const { m, n, k, transA, transB } of oddGemmSizes()) {
    it(`matches the naive loop: m=${m} n=${n} k=${k} transA=${transA} transB=${transB}`, () => {
      const aOffset = 3;
      const bOffset = 5;
      const cOffset = 2;
      const a = random(aOffset + m * k, rng);
      const b = random(bOffset + k * n, rng);
      const c0 = random(cOffset + m * n, rng);
      for (const [alpha, beta] of [
        [1, 0],
        [1, 1],
        [0.5, -2],
      ]) {
        const got = Float32Array.from(c0);
        const want = Float32Array.from(c0);
        gemm(transA, transB, m, n, k, alpha, a, aOffset, b, bOffset, beta, got, cOffset);
        gemmNaive(transA, transB, m, n, k, alpha, a, aOffset, b, bOffset, beta, want, cOffset);
        expect(maxDiff(got, want)).toBeLessThan(1e-4 * Math.sqrt(k));
        expect(got.subarray(0, cOffset)).toEqual(c0.subarray(0, cOffset)); // nothing before C touched
      }
    });
  }

  it('skips blank columns and rows of A (zero skipping) without changing the result', () => {
    const m = 37;
    const k = 300;
    const n = 19;
    for (const transA of [false, true]) {
      for (const transB of [false, true]) {
        const a = random(m * k, rng);
        // blank "pixels": every third k index is zero in all rows, and rows 4..11 are all zero
        for (let i = 0; i < m; i++) {
          for (let p = 0; p < k; p++) {
            if (p % 3 === 0 || (i >= 4 && i < 12)) a[transA ? p * m + i : i * k + p] = 0;
          }
        }
        const b = random(k * n, rng);
        const got = new Float32Array(m * n);
        const want = new Float32Array(m * n);
        gemm(transA, transB, m, n, k, 1, a, 0, b, 0, 0, got, 0);
        gemmNaive(transA, transB, m, n, k, 1, a, 0, b, 0, 0, want, 0);
        expect(maxDiff(got, want)).toBeLessThan(1e-4 * Math.sqrt(k));
      }
    }
    const c = new Float32Array(6).fill(1);
    gemm(false, false, 4, 1, 2, 1, new Float32Array(8), 0, new Float32Array([1, 2]), 0, 0, c, 0);
    expect([...c.subarray(0, 4)]).toEqual([0, 0, 0, 0]); // all of A blank: C is beta·C = 0
  });

  it('beta = 0 overwrites NaN in C', () => {
    const c = new Float32Array([Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
    gemm(false, false, 2, 2, 1, 1, new Float32Array([1, 2]), 0, new Float32Array([3, 4]), 0, 0, c, 0);
    expect([...c]).toEqual([3, 4, 6, 8]);
  });
});
