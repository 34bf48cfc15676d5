// ReLU: y = max(0, x).
// NOTE: the gradient at exactly x = 0 is taken as 0 (the subgradient PyTorch and TensorFlow use):
// `x > 0 ? dy : 0`. A unit sitting at 0 then stays quiet instead of getting half a gradient.

import { relu, reluBackward } from '../kernels/elementwise';
import { Activation } from './activation';

export class ReLU extends Activation {
  readonly type = 'relu';

  protected apply(x: Float32Array, y: Float32Array): void {
    relu(x, y);
  }

  protected derive(x: Float32Array, _y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    reluBackward(x, dy, dx);
  }
}
