// The shared plumbing of elementwise activations (buffers, caching, shape passing). Each activation
// supplies two whole-array loops, so there is no per-element dispatch in the hot path.

import type { BackwardOptions, ForwardOptions, Layer, LayerShapes, LayerSpec } from '../layer';
import type { Param, Tensor } from '../tensor';
import { reuse, skipped } from './scratch';

export abstract class Activation implements Layer {
  abstract readonly type: string;
  private input?: Tensor;
  private output?: Tensor;
  private dInput?: Tensor;
  /** Set by `fusedIntoPrevious`: the layer before applies this activation in its own forward. */
  private fused = false;

  /** y = f(x), elementwise. */
  protected abstract apply(x: Float32Array, y: Float32Array): void;
  /** dx = dy · f′, elementwise; x and y = f(x) are both available. */
  protected abstract derive(x: Float32Array, y: Float32Array, dy: Float32Array, dx: Float32Array): void;

  shapes(inputShape: readonly number[]): LayerShapes {
    return { output: [...inputShape], params: [], state: [] };
  }

  build(inputShape: readonly number[]): readonly number[] {
    return this.shapes(inputShape).output;
  }

  fusedIntoPrevious(): void {
    this.fused = true;
  }

  forward(x: Tensor, _options: ForwardOptions): Tensor {
    if (this.fused) {
      // already applied by the layer before: x = f(z), and f′ is read from x (ReLU: x > 0 ⇔ z > 0)
      this.input = this.output = x;
      return x;
    }
    const y = (this.output = reuse(this.output, x.shape));
    this.apply(x.data, y.data);
    this.input = x;
    return y;
  }

  backward(dOut: Tensor, options: BackwardOptions = {}): Tensor {
    const x = this.input;
    const y = this.output;
    if (x === undefined || y === undefined) throw new Error(`${this.type}: backward() before forward()`);
    if (options.inputGradient === false) return skipped(x.shape);
    const dx = (this.dInput = reuse(this.dInput, x.shape));
    this.derive(x.data, y.data, dOut.data, dx.data);
    return dx;
  }

  params(): Param[] {
    return [];
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: {} };
  }
}
