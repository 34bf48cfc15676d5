// Loads the engine's WebAssembly SIMD kernels (kernels.wat → kernels-wasm.ts) and says whether they
// are in use. The same code runs in Node, the Electron utility process and the renderer: the module
// is embedded as base64, compiled synchronously where the runtime allows it and asynchronously where
// it does not (a browser's main thread refuses to compile large modules synchronously); until it is
// ready, or where WebAssembly SIMD is missing, every kernel takes its pure-TypeScript path.
// Two forms of the module are embedded (scripts/build-wasm.ts): plain SIMD 128, and relaxed SIMD whose
// GEMM accumulates with a fused multiply-add (f32x4.relaxed_madd). The FMA form is chosen where
// relaxed SIMD validates: Electron's V8 ships it; Node 20 only with --experimental-wasm-relaxed-simd.
// FMA rounds once per multiply-add instead of twice, so its results differ from the plain form's in
// the last bits (both are tested against the TypeScript reference).
//
// engine/ type-checks without DOM or Node types (tsconfig.engine.json), so the few WebAssembly calls
// used here are declared locally and reached through globalThis.

import { KERNELS_FMA_WASM_BASE64, KERNELS_WASM_BASE64 } from './kernels-wasm';

interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The exports of kernels.wat. Pointers are byte offsets into `memory`. */
export interface KernelExports {
  readonly memory: WasmMemory;
  gemm(
    transA: number,
    transB: number,
    m: number,
    n: number,
    k: number,
    alpha: number,
    a: number,
    b: number,
    beta: number,
    c: number,
    work: number,
  ): void;
  gemv(kk: number, n: number, alpha: number, a: number, b: number, c: number): void;
  relu(x: number, y: number, n: number): void;
  relu_backward(x: number, dy: number, dx: number, n: number): void;
  momentum(w: number, g: number, v: number, n: number, mu: number, lr: number, l2: number): void;
  adam(
    w: number,
    g: number,
    m: number,
    v: number,
    n: number,
    beta1: number,
    oneMinusBeta1: number,
    beta2: number,
    oneMinusBeta2: number,
    c1: number,
    c2: number,
    epsilon: number,
    lr: number,
    l2: number,
    decoupled: number,
  ): void;
  bias_act(y: number, bias: number, rows: number, cols: number, relu: number): void;
  sum_squares(x: number, n: number): number;
  add(x: number, y: number, n: number): void;
  sum_rows(x: number, rows: number, cols: number, out: number): void;
  im2col(x: number, col: number, batch: number, colStride: number, geometry: number): void;
  maxpool2x2(
    x: number,
    y: number,
    arg: number,
    planes: number,
    h: number,
    w: number,
    oh: number,
    ow: number,
  ): void;
  maxpool_backward(dy: number, arg: number, dx: number, n: number, inN: number): void;
  conv_direct(
    x: number,
    w4: number,
    b4: number,
    y: number,
    batch: number,
    filters: number,
    relu: number,
    geometry: number,
  ): void;
  conv_epilogue(
    c: number,
    y: number,
    batch: number,
    filters: number,
    size: number,
    bias: number,
    relu: number,
  ): void;
  col2im(dx: number, col: number, batch: number, colStride: number, geometry: number): void;
  conv_output_gradient(
    dy: number,
    c: number,
    batch: number,
    filters: number,
    size: number,
    sums: number,
  ): void;
}

interface WasmInstance {
  readonly exports: unknown;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => WasmInstance;
  instantiate(bytes: Uint8Array, imports: object): Promise<{ instance: WasmInstance }>;
}

// The smallest module that uses a v128 instruction: (func (result v128) (v128.const i32x4 0 0 0 0)).
// prettier-ignore
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0,
  0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11,
]);

// (func (param v128 v128 v128) (result v128) (f32x4.relaxed_madd (local.get 0) (local.get 1) (local.get 2)))
// prettier-ignore
const RELAXED_SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 8, 1, 96, 3, 123, 123, 123, 1, 123, 3, 2, 1, 0, 10, 13, 1, 11, 0, 32, 0, 32,
  1, 32, 2, 253, 133, 2, 11,
]);

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 → bytes, without atob or Buffer (neither is in engine/'s lib). */
export function decodeBase64(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const d = BASE64.indexOf(clean[i]);
    if (d < 0) throw new Error(`base64: bad character ${JSON.stringify(clean[i])}`);
    value = (value << 6) | d;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** Which module runs the kernels: relaxed SIMD with FMA, plain SIMD 128, or none (TypeScript). */
export type KernelForm = 'simd+fma' | 'simd' | 'typescript';

const instances: { simd?: KernelExports; fma?: KernelExports } = {};
let enabled = true;
let fused = true;
let ready: Promise<boolean> = Promise.resolve(false);

function validates(probe: Uint8Array): boolean {
  try {
    return api?.validate(probe) === true;
  } catch {
    return false;
  }
}

const simdSupported = validates(SIMD_PROBE);
const fmaSupported = simdSupported && validates(RELAXED_SIMD_PROBE);

/** Instantiates one form synchronously; false where the runtime refuses (a browser main thread). */
function instantiate(form: 'simd' | 'fma'): boolean {
  if (instances[form] !== undefined) return true;
  const bytes = decodeBase64(form === 'fma' ? KERNELS_FMA_WASM_BASE64 : KERNELS_WASM_BASE64);
  try {
    instances[form] = new api!.Instance(new api!.Module(bytes), {}).exports as KernelExports;
    return true;
  } catch {
    // e.g. a browser main thread: compile off the critical path, TS kernels until then
    ready = api!.instantiate(bytes, {}).then(
      (r) => {
        instances[form] = r.instance.exports as KernelExports;
        return true;
      },
      () => false,
    );
    return false;
  }
}

function load(): void {
  if (!simdSupported) return;
  if (instantiate(fmaSupported ? 'fma' : 'simd')) ready = Promise.resolve(true);
}

load();

/** The WebAssembly kernels when they are loaded and enabled, else undefined (use the TS path). */
export function wasmKernels(): KernelExports | undefined {
  if (!enabled) return undefined;
  return fused && fmaSupported ? instances.fma : instances.simd;
}

/** Resolves to whether the WebAssembly SIMD kernels loaded (false where SIMD is missing). */
export function wasmKernelsReady(): Promise<boolean> {
  return ready;
}

/** The form the kernels run in now. */
export function kernelForm(): KernelForm {
  const kernels = wasmKernels();
  if (kernels === undefined) return 'typescript';
  return kernels === instances.fma ? 'simd+fma' : 'simd';
}

/** Whether this runtime has relaxed SIMD, so that the FMA form can run. */
export function fmaAvailable(): boolean {
  return fmaSupported;
}

/**
 * Turns the WebAssembly kernels on or off (default on where available), e.g. to compare against the
 * pure-TypeScript path. Returns whether they are now in use.
 */
export function setWasmKernels(on: boolean): boolean {
  enabled = on;
  return wasmKernels() !== undefined;
}

/**
 * Chooses the FMA form (default where relaxed SIMD validates) or the plain SIMD form, e.g. to
 * compare them. Returns whether the FMA form is now in use. Each module has its own memory; the
 * wrappers copy everything in per call, so switching loses nothing.
 */
export function setFusedMultiplyAdd(on: boolean): boolean {
  fused = on;
  if (simdSupported) instantiate(on && fmaSupported ? 'fma' : 'simd');
  return kernelForm() === 'simd+fma';
}
