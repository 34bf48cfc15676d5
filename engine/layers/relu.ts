// ReLU: y = max(0, x).
// NOTE: the gradient at exactly x = 0 is taken as 0 (the subgradient PyTorch and TensorFlow use):
// `x > 0 ? dy : 0`. A unit sitting at 0 then stays quiet instead of getting half a gradient.

import { Activation } from './activation';

export class ReLU extends Activation {
  readonly type = 'relu';

  protected apply(x: Float32Array, y: Float32Array): void {
    for (let i = 0; i < x.length; i++) y[i] = Math.max(x[i], 0); // NaN propagates (a ternary would hide it as 0)
  }

  protected derive(x: Float32Array, _y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    for (let i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? dy[i] : 0;
  }
}
