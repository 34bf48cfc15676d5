// The WebAssembly module's linear memory as the wrappers see it: one scratch arena, grown on demand,
// viewed as floats, into which every wrapper copies its operands (TypedArray.set, a memcpy), runs a
// kernel and copies the result out. Above the resident part (below), the first WORK_BYTES belong to
// kernels.wat itself (GEMM packing panels, edge tile, panel flags and indices); the wrappers lay their operands out after it.
// The one place for that pattern: `inMemory` (regions copied in, a kernel run, regions copied out),
// built on `operands` (the kernels, the layout, the memory grown to fit) and `copy` (in or out);
// every wrapper in engine/wasm/ goes through them.
// Below the scratch arena sits the resident part: optimizer state (velocity, Adam's moments) that
// stays in memory from one step to the next instead of being copied in and out each time
// (`resident`). The GEMM's work area and every call's regions start above it.

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
  /** Where the GEMM's work area starts (kernels.wat `gemm`'s last argument): above the resident part. */
  readonly work: number;
}

/**
 * Lays out regions of `counts[i]` 4-byte values one after another from byte `start`, each 16-byte
 * aligned, and grows the memory to hold them (plus `extra` bytes past the end: a kernel's reads past
 * its last row). Undefined when the WebAssembly kernels are not loaded: the caller runs TypeScript.
 */
export function operands(start: number, counts: readonly number[], extra = 0): Operands | undefined {
  const kernels = wasmKernels();
  if (kernels === undefined) return undefined;
  if (held.kernels !== undefined && held.kernels !== kernels) releaseResident(); // the kernels switched instance (FMA or not)
  const work = held.end;
  const at: number[] = [];
  let p = align(work + start);
  for (const n of counts) {
    at.push(p);
    p = align(p + 4 * n);
  }
  at.push(p);
  return { kernels, f: floats(kernels, p + extra), at, work };
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
  // views are made only where a part is copied: a training step copies ~150 (M1) to ~1,700 (M2)
  // arrays, and two views per copy were garbage the collector then spent ~4 % of a step on
  const memory = data instanceof Int32Array ? intsOf(f) : f;
  const whole = offset === 0 && n === data.length;
  if (direction === 'in') memory.set(whole ? data : data.subarray(offset, offset + n), at >> 2);
  else data.set(memory.subarray(at >> 2, (at >> 2) + n), offset);
}

let ints: Int32Array<ArrayBufferLike> = new Int32Array(0);

/** The memory as 32-bit integers (index tensors), the view renewed with the float one. */
function intsOf(f: Float32Array): Int32Array {
  if (ints.buffer !== f.buffer) ints = new Int32Array(f.buffer);
  return ints;
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
  run: (kernels: KernelExports, at: readonly number[], f: Float32Array, work: number) => void,
  extra = 0,
): boolean {
  const op = operands(
    start,
    regions.map((r) => r.n),
    extra,
  );
  if (op === undefined) return false;
  const { kernels, f, at, work } = op;
  const each = (direction: 'in' | 'out') =>
    regions.forEach((r, i) => {
      if (r.data !== undefined && (r.copy === direction || r.copy === 'both'))
        copy(direction, f, at[i], r.data, r.n, r.offset);
    });
  each('in');
  run(kernels, at, f, work);
  each('out');
  return true;
}

/**
 * The resident part of memory: arrays kept there between calls, for one owner (an optimizer) at a
 * time, in one module instance. Their JS arrays are stale meanwhile; `releaseResident` copies them
 * back. Another owner's claim, a switch of module instance and the TypeScript path (which reads the
 * JS arrays) release it first, so one optimizer training at a time (the trainer's case) keeps its
 * state here and a second one costs a copy back, never a wrong value or a leak.
 */
const held: {
  owner: object | undefined;
  kernels: KernelExports | undefined;
  /** Byte offset of each resident array's copy. */
  readonly at: Map<Float32Array, number>;
  /** Bytes the resident part takes: where scratch starts. */
  end: number;
} = { owner: undefined, kernels: undefined, at: new Map(), end: 0 };

/**
 * The byte offset of `data` kept resident for `owner`, copied in on the first call (and after a
 * release); undefined when the WebAssembly kernels are not loaded. Call before `inMemory`/`operands`
 * lays out the same call (the resident part may grow and the scratch above it then moves up).
 */
export function resident(owner: object, data: Float32Array): number | undefined {
  const kernels = wasmKernels();
  if (kernels === undefined) return undefined;
  if (held.owner !== owner || held.kernels !== kernels) {
    releaseResident();
    held.owner = owner;
    held.kernels = kernels;
  }
  const known = held.at.get(data);
  if (known !== undefined) return known;
  const at = held.end;
  held.end = align(at + 4 * data.length);
  floats(kernels, held.end).set(data, at >> 2);
  held.at.set(data, at);
  return at;
}

/** Copies every resident array back to its JS array and empties the resident part. */
export function releaseResident(): void {
  const { kernels } = held;
  if (kernels !== undefined && held.at.size > 0) {
    const f = new Float32Array(kernels.memory.buffer);
    for (const [data, at] of held.at) data.set(f.subarray(at >> 2, (at >> 2) + data.length));
  }
  held.at.clear();
  held.end = 0;
  held.owner = undefined;
  held.kernels = undefined;
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
