// Loads the engine's WebAssembly SIMD kernels (kernels.wat → kernels-wasm.ts) and says whether they
// are in use. The same code runs in Node, the Electron utility process and the renderer: the module
// is embedded as base64, compiled synchronously where the runtime allows it and asynchronously where
// it does not (a browser's main thread refuses to compile large modules synchronously); until it is
// ready, or where WebAssembly SIMD is missing, every kernel takes its pure-TypeScript path.
//
// engine/ type-checks without DOM or Node types (tsconfig.engine.json), so the few WebAssembly calls
// used here are declared locally and reached through globalThis.

import { KERNELS_WASM_BASE64 } from './kernels-wasm';

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
  col2im(dx: number, col: number, batch: number, colStride: number, geometry: number): void;
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
let kernels: KernelExports | undefined;
let enabled = true;
let ready: Promise<boolean> = Promise.resolve(false);

function simdSupported(): boolean {
  try {
    return api?.validate(SIMD_PROBE) === true;
  } catch {
    return false;
  }
}

function load(): void {
  if (!simdSupported()) return;
  const bytes = decodeBase64(KERNELS_WASM_BASE64);
  try {
    kernels = new api!.Instance(new api!.Module(bytes), {}).exports as KernelExports;
    ready = Promise.resolve(true);
  } catch {
    // e.g. a browser main thread: compile off the critical path, TS kernels until then
    ready = api!.instantiate(bytes, {}).then(
      (r) => {
        kernels = r.instance.exports as KernelExports;
        return true;
      },
      () => false,
    );
  }
}

load();

/** The WebAssembly kernels when they are loaded and enabled, else undefined (use the TS path). */
export function wasmKernels(): KernelExports | undefined {
  return enabled ? kernels : undefined;
}

/** Resolves to whether the WebAssembly SIMD kernels loaded (false where SIMD is missing). */
export function wasmKernelsReady(): Promise<boolean> {
  return ready;
}

/**
 * Turns the WebAssembly kernels on or off (default on where available), e.g. to compare against the
 * pure-TypeScript path. Returns whether they are now in use.
 */
export function setWasmKernels(on: boolean): boolean {
  enabled = on;
  return wasmKernels() !== undefined;
}
