// Reusable buffers: a layer keeps its outputs and caches sized by batch and reallocates only when the
// batch size (or shape) changes, so a training loop allocates nothing per batch.

import { sameShape, sizeOf, type Tensor, tensor } from '../tensor';

/** `buffer` if it already has `shape`, otherwise a fresh zeroed tensor of that shape. */
export function reuse(buffer: Tensor | undefined, shape: readonly number[]): Tensor {
  return buffer !== undefined && sameShape(buffer.shape, shape) ? buffer : tensor(shape);
}

/** The batch size of `x`, checking that the rest of its shape is the layer's built input shape. */
export function batchOf(type: string, x: Tensor, inputShape: readonly number[]): number {
  const rest = x.shape.slice(1);
  if (!sameShape(rest, inputShape)) {
    throw new Error(`${type}: expected input [batch, ${inputShape.join(', ')}], got [${x.shape.join(', ')}]`);
  }
  return x.shape[0];
}

/** Throws unless `build` ran. */
export function built(type: string, inputShape: readonly number[] | undefined): readonly number[] {
  if (inputShape === undefined) throw new Error(`${type}: build() must run before forward()`);
  return inputShape;
}

/** A tensor of `shape` with no data: what backward returns when the input gradient is not wanted. */
export function skipped(shape: readonly number[]): Tensor {
  return { shape: [...shape], data: new Float32Array(0) };
}

export { sizeOf };
