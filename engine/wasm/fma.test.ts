// The FMA form of the kernels (relaxed SIMD) where Node has it only behind a flag: a child process
// with --experimental-wasm-relaxed-simd runs kernelAgreement (kernel-agreement.ts), which checks the
// kernels it loaded against the TypeScript reference. The same check runs here, in this process, on the plain
// SIMD form that Node 20 loads by default.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Agreement, kernelAgreement } from '../kernel-agreement';
import { oddGemmSizes } from '../kernels/random-gemm';
import { fmaAvailable, kernelForm } from './runtime';

const agreement = new URL('../kernel-agreement.ts', import.meta.url).href;
/** The child's program: the same check, printed as one JSON line. */
const script = `import { kernelAgreement } from ${JSON.stringify(agreement)};
console.log(JSON.stringify(kernelAgreement()));`;

function expectAgreement(result: Agreement): void {
  // the odd sizes (m, n, k off the 4×8 tile and the blocks) are among the checks
  for (const { m, n, k } of oddGemmSizes())
    expect(result.checks.some((c) => c.name.startsWith(`gemm ${m}×${n}×${k} `))).toBe(true);
  for (const c of result.checks) expect(c.worst, c.name).toBeLessThan(c.tolerance);
}

/** Whether the CPU fuses f32x4.relaxed_madd (V8 lowers it to mul + add where x64 lacks FMA3). */
function cpuHasFma(): boolean {
  if (process.arch !== 'x64') return true;
  try {
    return /\bfma\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));
  } catch {
    return false;
  }
}

describe('kernel forms', () => {
  it('Node 20 without the flag runs the plain SIMD form, which agrees with TypeScript', () => {
    if (fmaAvailable()) return; // a runtime that ships relaxed SIMD: covered by the child below
    expect(kernelForm()).toBe('simd');
    const result = kernelAgreement();
    expectAgreement(result);
    expect(result.differFromPlain).toBe(0);
  });

  it('with --experimental-wasm-relaxed-simd the FMA form loads and agrees with TypeScript', () => {
    const run = spawnSync(
      process.execPath,
      ['--experimental-wasm-relaxed-simd', '--import', 'tsx', '--input-type=module', '--eval', script],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as Agreement;
    expect(result.form).toBe('simd+fma');
    expectAgreement(result);
    // one rounding per multiply-add instead of two: the outputs are not all the plain form's
    if (cpuHasFma()) expect(result.differFromPlain).toBeGreaterThan(0);
  });
});
