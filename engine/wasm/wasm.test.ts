import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleKernels, MODULE_PATH, moduleSource } from '../../scripts/build-wasm';
import { addRowVector, relu, reluBackward, sumRowsInto } from '../kernels/elementwise';
import { gemmTs } from '../kernels/gemm';
import { randomGemm } from '../kernels/random-gemm';
import { Rng } from '../rng';
import { gemmWasm } from './gemm';
import { decodeBase64, setWasmKernels, wasmKernelsReady } from './runtime';

describe('WebAssembly kernels', () => {
  it('the committed module is kernels.wat assembled (run npx tsx scripts/build-wasm.ts if not)', async () => {
    expect(readFileSync(MODULE_PATH, 'utf8')).toBe(moduleSource(await assembleKernels()));
  });

  it('decodes base64 like Node does', () => {
    const bytes = Uint8Array.from({ length: 100 }, (_, i) => (i * 37) & 0xff);
    for (let n = 0; n < 6; n++) {
      const part = bytes.subarray(0, 94 + n);
      expect(decodeBase64(Buffer.from(part).toString('base64'))).toEqual(part);
    }
  });

  it('loads under Node and can be switched off', async () => {
    expect(await wasmKernelsReady()).toBe(true);
    expect(setWasmKernels(false)).toBe(false);
    expect(
      gemmWasm(
        false,
        false,
        1,
        1,
        1,
        1,
        new Float32Array(1),
        0,
        new Float32Array(1),
        0,
        0,
        new Float32Array(1),
        0,
      ),
    ).toBe(false);
    expect(setWasmKernels(true)).toBe(true);
  });

  it('GEMM agrees with the TypeScript path on random shapes, layouts and sparsity', () => {
    const rng = new Rng(11);
    for (let trial = 0; trial < 60; trial++) {
      const { m, n, k, transA, transB, a, b, c0, beta } = randomGemm(rng, trial, [1, 2, 3]);
      const want = c0.slice();
      const got = c0.slice();
      gemmTs(transA, transB, m, n, k, 1, a, 1, b, 2, beta, want, 3);
      expect(gemmWasm(transA, transB, m, n, k, 1, a, 1, b, 2, beta, got, 3)).toBe(true);
      let worst = 0;
      for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
      expect(worst, `m=${m} n=${n} k=${k} transA=${transA} transB=${transB}`).toBeLessThan(
        2e-5 * Math.sqrt(k) + 1e-6,
      );
      expect(got.subarray(0, 3)).toEqual(c0.subarray(0, 3));
    }
  });

  it('GEMM on image-like sparsity (per-panel compaction of A) agrees with the TypeScript path', () => {
    // each row a "drawing": a random blob of nonzeros, so panels of 4 rows are zero at many k where
    // the batch is not (the case the compacted panels are for), plus an all-dense row now and then
    const rng = new Rng(3);
    for (const [m, k, n, transA] of [
      [64, 784, 256, false],
      [784, 64, 256, true],
      [67, 530, 13, false],
      [530, 67, 9, true],
      [5, 257, 31, false],
    ] as const) {
      const rows = transA ? k : m;
      const cols = transA ? m : k;
      const x = new Float32Array(rows * cols);
      for (let r = 0; r < rows; r++) {
        const dense = rng.uniform(0, 1) < 0.05;
        const from = Math.floor(rng.uniform(0, cols));
        const to = Math.min(cols, from + Math.floor(rng.uniform(0, cols / 3)));
        for (let q = 0; q < cols; q++) {
          if (dense || (q >= from && q < to && rng.uniform(0, 1) < 0.7)) x[r * cols + q] = rng.uniform(-1, 1);
        }
      }
      // x [rows, cols] is A as stored: [m, k], or [k, m] for transA (images along m: xᵀ·dY)
      const a = x;
      const b = Float32Array.from({ length: k * n }, () => rng.uniform(-1, 1));
      const want = new Float32Array(m * n);
      const got = new Float32Array(m * n);
      gemmTs(transA, false, m, n, k, 1, a, 0, b, 0, 0, want, 0);
      expect(gemmWasm(transA, false, m, n, k, 1, a, 0, b, 0, 0, got, 0)).toBe(true);
      let worst = 0;
      for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i] - want[i]));
      expect(worst, `m=${m} n=${n} k=${k} transA=${transA}`).toBeLessThan(2e-5 * Math.sqrt(k) + 1e-6);
    }
  });

  it('the Dense bias add and bias gradient agree with the TypeScript loops (odd widths included)', () => {
    const rng = new Rng(9);
    for (const [rows, cols] of [
      [1, 1],
      [3, 7],
      [64, 256],
      [5, 10],
    ] as const) {
      const y = Float32Array.from({ length: rows * cols }, () => rng.uniform(-1, 1));
      const bias = Float32Array.from({ length: cols }, () => rng.uniform(-1, 1));
      const run = (wasm: boolean) => {
        setWasmKernels(wasm);
        const out = y.slice();
        addRowVector(out, rows, cols, bias);
        const sums = bias.slice();
        sumRowsInto(y, rows, cols, sums);
        setWasmKernels(true);
        return { out, sums };
      };
      const fast = run(true);
      const plain = run(false);
      expect(fast.out).toEqual(plain.out);
      fast.sums.forEach((v, j) => {
        expect(v).toBeCloseTo(plain.sums[j], 5);
      });
    }
  });

  it('ReLU forward and backward agree with the TypeScript path, NaN and ±0 included', () => {
    const rng = new Rng(5);
    for (const n of [0, 1, 3, 4, 5, 17, 1000]) {
      const x = Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
      const dy = Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
      if (n >= 4) x.set([Number.NaN, 0, -0, Number.POSITIVE_INFINITY]);
      const run = (wasm: boolean) => {
        setWasmKernels(wasm);
        const y = new Float32Array(n);
        const dx = new Float32Array(n);
        relu(x, y);
        reluBackward(x, dy, dx);
        setWasmKernels(true);
        return { y, dx };
      };
      const fast = run(true);
      const plain = run(false);
      expect(fast.y).toEqual(plain.y);
      expect(fast.dx).toEqual(plain.dx);
    }
  });
});
