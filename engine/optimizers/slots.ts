// Per-parameter optimizer state (velocity, moments): one Float32Array per parameter, allocated on first use.

import type { Param } from '../tensor';

/** A lazily filled map from a parameter to a zeroed buffer of its size. */
export class Slots {
  private readonly buffers = new WeakMap<Param, Float32Array>();

  get(p: Param): Float32Array {
    let buffer = this.buffers.get(p);
    if (buffer === undefined) {
      buffer = new Float32Array(p.value.data.length);
      this.buffers.set(p, buffer);
    }
    return buffer;
  }
}

/** The L2 coefficient that applies to `p`: weights decay, biases and norm scales do not. */
export function decayFor(p: Param, weightDecay: number): number {
  return p.decay ? weightDecay : 0;
}
