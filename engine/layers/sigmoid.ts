// Logistic sigmoid: y = 1 / (1 + e^−x), dy/dx = y·(1 − y).
// NOTE: for x < 0 it is computed as e^x / (1 + e^x), so e^−x never overflows for very negative x.

import { Activation } from './activation';

/** σ(x) without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

export class Sigmoid extends Activation {
  readonly type = 'sigmoid';

  protected apply(x: Float32Array, y: Float32Array): void {
    for (let i = 0; i < x.length; i++) y[i] = sigmoid(x[i]);
  }

  protected derive(_x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    for (let i = 0; i < y.length; i++) dx[i] = dy[i] * y[i] * (1 - y[i]);
  }
}
