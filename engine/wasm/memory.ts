// The WebAssembly module's linear memory as the wrappers see it: one scratch arena, grown on demand,
// viewed as floats, into which every wrapper copies its operands (TypedArray.set, a memcpy), runs a
// kernel and copies the result out. The first WORK_BYTES belong to kernels.wat itself (GEMM packing
// panels, edge tile, panel flags and indices); the wrappers lay their operands out after it.

import type { KernelExports } from './runtime';

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

/** Bytes a GeometryWords block takes in memory. */
export const GEOMETRY_BYTES = 44;

/** Writes the geometry words at byte offset `at` (4-aligned). */
export function writeGeometry(f: Float32Array, at: number, words: GeometryWords): void {
  new Int32Array(f.buffer, at, 11).set(words);
}
