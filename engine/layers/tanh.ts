// Hyperbolic tangent: y = tanh(x), dy/dx = 1 − y².

import { Activation } from './activation';

export class Tanh extends Activation {
  readonly type = 'tanh';

  protected apply(x: Float32Array, y: Float32Array): void {
    for (let i = 0; i < x.length; i++) y[i] = Math.tanh(x[i]);
  }

  protected derive(_x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    for (let i = 0; i < y.length; i++) dx[i] = dy[i] * (1 - y[i] * y[i]);
  }
}
