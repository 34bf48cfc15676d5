// Flatten: [B, C, H, W] → [B, C·H·W], a view of the same data (row-major NCHW order, as ONNX Flatten).

import type { BackwardOptions, ForwardOptions, Layer, LayerShapes, LayerSpec } from '../layer';
import { type Param, reshape, sizeOf, type Tensor } from '../tensor';
import { batchOf, built, skipped } from './scratch';

export class Flatten implements Layer {
  readonly type = 'flatten';
  private inputShape?: readonly number[];
  private inputBatchShape?: readonly number[];

  shapes(inputShape: readonly number[]): LayerShapes {
    return { output: [sizeOf(inputShape)], params: [], state: [] };
  }

  build(inputShape: readonly number[]): readonly number[] {
    this.inputShape = [...inputShape];
    return this.shapes(inputShape).output;
  }

  forward(x: Tensor, _options: ForwardOptions): Tensor {
    const inputShape = built(this.type, this.inputShape);
    const batch = batchOf(this.type, x, inputShape);
    this.inputBatchShape = x.shape;
    return reshape(x, [batch, sizeOf(inputShape)]);
  }

  backward(dOut: Tensor, options: BackwardOptions = {}): Tensor {
    const shape = this.inputBatchShape;
    if (shape === undefined) throw new Error('flatten: backward() before forward()');
    return options.inputGradient === false ? skipped(shape) : reshape(dOut, shape);
  }

  params(): Param[] {
    return [];
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: {} };
  }
}
