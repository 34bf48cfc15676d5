// The WebAssembly module's linear memory as the wrappers see it: one scratch arena, grown on demand,
// viewed as floats, into which every wrapper copies its operands (TypedArray.set, a memcpy), runs a
// kernel and copies the result out. The first WORK_BYTES belong to kernels.wat itself (GEMM packing
// panels, edge tile, panel flags and indices); the wrappers lay their operands out after it.
// The one place for that pattern: `inMemory` (regions copied in, a kernel run, regions copied out),
// built on `operands` (the kernels, the layout, the memory grown to fit) and `copy` (in or out);
// every wrapper in engine/wasm/ goes through them.

import { type KernelExports, wasmKernels } from './runtime';

/** Bytes of work area kernels.wat needs before its operands (packA, packB, edge tile, panel flags, panel indices); GEMM adds 4·k for its live k indices. */
export const WORK_BYTES = 65536 + 524288 + 128 + 64 + 16384;
const PAGE = 65536;

let heap = new Float32Array(0);
let heapBuffer: ArrayBuffer | undefined;

/** Rounds a byte offset up to 16 (v128 loads and stores are fastest aligned). */
export const align = (bytes: number) => (bytes + 15) & ~15;

/**
 * The memory as floats, grown to at least `bytes`. The view is cached and renewed when the memory
 * grows (growth detaches the old buffer) or when the kernels switch between module instances.
 */
export function floats(kernels: KernelExports, bytes: number): Float32Array {
  const memory = kernels.memory;
  if (memory.buffer.byteLength < bytes) {
    memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
  }
  if (heapBuffer !== memory.buffer) {
    heapBuffer = memory.buffer;
    heap = new Float32Array(heapBuffer);
  }
  return heap;
}

/** One call's operands in memory: the loaded kernels, the float view, and each region's byte offset. */
export interface Operands {
  readonly kernels: KernelExports;
  readonly f: Float32Array;
  /** Byte offsets of the regions asked for, in order, then the end of the last. */
  readonly at: number[];
}

/**
 * Lays out regions of `counts[i]` 4-byte values one after another from byte `start`, each 16-byte
 * aligned, and grows the memory to hold them (plus `extra` bytes past the end: a kernel's reads past
 * its last row). Undefined when the WebAssembly kernels are not loaded: the caller runs TypeScript.
 */
export function operands(start: number, counts: readonly number[], extra = 0): Operands | undefined {
  const kernels = wasmKernels();
  if (kernels === undefined) return undefined;
  const at: number[] = [];
  let p = align(start);
  for (const n of counts) {
    at.push(p);
    p = align(p + 4 * n);
  }
  at.push(p);
  return { kernels, f: floats(kernels, p + extra), at };
}

/**
 * Copies `n` values of `data` from `offset` into memory at byte offset `at` (16-aligned, from
 * `operands`) when 'in', or from there back into `data` when 'out'.
 */
export function copy(
  direction: 'in' | 'out',
  f: Float32Array,
  at: number,
  data: Float32Array | Int32Array,
  n = data.length,
  offset = 0,
): void {
  const memory =
    data instanceof Int32Array ? new Int32Array(f.buffer, at, n) : f.subarray(at >> 2, (at >> 2) + n);
  if (direction === 'in') memory.set(data.subarray(offset, offset + n));
  else data.set(memory, offset);
}

/** One array of a kernel call and which way it is copied: in before the kernel runs, out after, both, or neither (scratch). */
export interface Region {
  readonly data: Float32Array | Int32Array | undefined;
  /** Values the region holds (and copies). */
  readonly n: number;
  readonly copy: 'in' | 'out' | 'both' | 'none';
  /** Where in `data` the copied values start. */
  readonly offset: number;
}

/** A region copied in. */
export const input = (data: Float32Array | Int32Array, n = data.length, offset = 0): Region => ({
  data,
  n,
  copy: 'in',
  offset,
});
/** A region copied out after the kernel. */
export const output = (data: Float32Array | Int32Array, n = data.length, offset = 0): Region => ({
  data,
  n,
  copy: 'out',
  offset,
});
/** A region copied in, updated in place, copied out. */
export const inOut = (data: Float32Array | Int32Array, n = data.length): Region => ({
  data,
  n,
  copy: 'both',
  offset: 0,
});
/** Room for `n` values the kernel uses in memory only. */
export const scratch = (n: number): Region => ({ data: undefined, n, copy: 'none', offset: 0 });

/**
 * One kernel call on arrays copied into memory: lays the regions out from byte `start` (see
 * `operands`), copies in what goes in, runs `run` with the regions' byte offsets, and copies out
 * what comes out. False when the WebAssembly kernels are not loaded.
 */
export function inMemory(
  start: number,
  regions: readonly Region[],
  run: (kernels: KernelExports, at: readonly number[], f: Float32Array) => void,
  extra = 0,
): boolean {
  const op = operands(
    start,
    regions.map((r) => r.n),
    extra,
  );
  if (op === undefined) return false;
  const { kernels, f, at } = op;
  const each = (direction: 'in' | 'out') =>
    regions.forEach((r, i) => {
      if (r.data !== undefined && (r.copy === direction || r.copy === 'both'))
        copy(direction, f, at[i], r.data, r.n, r.offset);
    });
  each('in');
  run(kernels, at, f);
  each('out');
  return true;
}

/** The 11 words of a convolution's geometry in the order kernels.wat's im2col/col2im read them. */
export type GeometryWords = readonly [
  channels: number,
  height: number,
  width: number,
  kernelH: number,
  kernelW: number,
  strideH: number,
  strideW: number,
  padTop: number,
  padLeft: number,
  outH: number,
  outW: number,
];

/** Words (4 bytes each) a GeometryWords block takes in memory. */
export const GEOMETRY_WORDS = 11;

/** Writes the geometry words at byte offset `at` (4-aligned). */
export function writeGeometry(f: Float32Array, at: number, words: GeometryWords): void {
  new Int32Array(f.buffer, at, GEOMETRY_WORDS).set(words);
}
