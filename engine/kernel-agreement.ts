// The WebAssembly kernels in the form this runtime loaded (plain SIMD, or relaxed SIMD with FMA when
// Node runs with --experimental-wasm-relaxed-simd) against the TypeScript reference: GEMM on random
// shapes, layouts and sparsity and on sizes off every block edge (`oddGemmSizes`), batch-1 GEMV, and a Conv2D forward and backward. Returns the
// form, the worst error of each check against its tolerance, and how many GEMM outputs
// differ bit for bit from the plain SIMD form (FMA rounds once per multiply-add, so some should).
// engine/wasm/fma.test.ts runs it here and in a child Node with --experimental-wasm-relaxed-simd.

import { kernelForm, setFusedMultiplyAdd, setWasmKernels } from './kernels';
import { gemm, gemmTs } from './kernels/gemm';
import { gemmProblem, oddGemmSizes, type RandomGemm, randomGemm } from './kernels/random-gemm';
import { Conv2D } from './layers/conv2d';
import { Rng } from './rng';
import type { Tensor } from './tensor';

export interface Agreement {
  readonly form: string;
  readonly checks: { name: string; worst: number; tolerance: number }[];
  /** GEMM outputs that differ from the plain SIMD form's, bit for bit, out of `outputs`. */
  readonly differFromPlain: number;
  readonly outputs: number;
}

const random = (rng: Rng, n: number, sparsity = 0) =>
  Float32Array.from({ length: n }, () => (rng.uniform(0, 1) < sparsity ? 0 : rng.uniform(-1, 1)));

export function kernelAgreement(): Agreement {
  const form = kernelForm();
  const checks: Agreement['checks'] = [];
  const rng = new Rng(17);
  let differFromPlain = 0;
  let outputs = 0;
  const problems: RandomGemm[] = Array.from({ length: 40 }, (_, trial) => randomGemm(rng, trial));
  for (const size of oddGemmSizes()) problems.push(gemmProblem(rng, size));
  for (const { m, n, k, transA, transB, a, b, c0, beta } of problems) {
    const want = c0.slice();
    const got = c0.slice();
    const plain = c0.slice();
    gemmTs(transA, transB, m, n, k, 1, a, 0, b, 0, beta, want, 0);
    gemm(transA, transB, m, n, k, 1, a, 0, b, 0, beta, got, 0);
    setFusedMultiplyAdd(false);
    gemm(transA, transB, m, n, k, 1, a, 0, b, 0, beta, plain, 0);
    setFusedMultiplyAdd(true); // back to the default: FMA where the runtime has it
    let worst = 0;
    for (let i = 0; i < want.length; i++) {
      worst = Math.max(worst, Math.abs(got[i] - want[i]));
      if (got[i] !== plain[i]) differFromPlain++;
    }
    outputs += want.length;
    checks.push({
      name: `gemm ${m}×${n}×${k} transA=${transA} transB=${transB} beta=${beta}`,
      worst,
      tolerance: 2e-5 * Math.sqrt(k) + 1e-6,
    });
  }
  for (const layer of [
    new Conv2D({ filters: 5, kernelSize: 5 }),
    new Conv2D({ filters: 4, kernelSize: 3, padding: 'same', strides: 2 }),
  ]) {
    const run = (wasm: boolean) => {
      setWasmKernels(wasm);
      layer.build([3, 12, 10], new Rng(2));
      const x = { shape: [4, 3, 12, 10], data: random(new Rng(3), 4 * 360) };
      const y = layer.forward(x, { training: true });
      const dy: Tensor = { shape: y.shape, data: random(new Rng(4), y.data.length) };
      const yCopy = y.data.slice();
      const dx = layer.backward(dy).data.slice();
      setWasmKernels(true);
      return { y: yCopy, dx, dW: layer.kernel.grad.data.slice() };
    };
    const fast = run(true);
    const plain = run(false);
    for (const key of ['y', 'dx', 'dW'] as const) {
      let worst = 0;
      fast[key].forEach((v, i) => {
        worst = Math.max(worst, Math.abs(v - plain[key][i]));
      });
      checks.push({ name: `conv2d ${JSON.stringify(layer.toJSON().config)} ${key}`, worst, tolerance: 1e-4 });
    }
  }
  return { form, checks, differFromPlain, outputs };
}
