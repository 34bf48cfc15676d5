// Max pooling over NCHW windows (no padding: windows that would run off the edge are dropped, as
// 'valid' pooling does). Forward remembers where each maximum came from; backward routes the gradient
// there and nowhere else.
// NOTE: on ties the first maximum in row-major window order takes the whole gradient (a subgradient;
// PyTorch and TensorFlow do the same). Central differences at a tie disagree, so checks avoid ties.

import { maxPool, maxPoolBackward } from '../kernels/pooling';
import type { BackwardOptions, ForwardOptions, Layer, LayerShapes, LayerSpec } from '../layer';
import { numberOption } from '../registry';
import type { Tensor } from '../tensor';
import { batchOf, built, reuse, skipped } from './scratch';

export interface MaxPool2DOptions {
  /** Square window size. */
  readonly poolSize: number;
  /** Step between windows; defaults to poolSize (non-overlapping). */
  readonly strides: number;
}

export const MAXPOOL2D_DEFAULTS: MaxPool2DOptions = { poolSize: 2, strides: 2 };

export class MaxPool2D implements Layer {
  readonly type = 'maxpool2d';
  readonly options: MaxPool2DOptions;
  private inputShape?: readonly number[];
  private outH = 0;
  private outW = 0;
  private argmax = new Int32Array(0); // [B·C·OH·OW] index into the input, cached for backward
  private inputBatchShape?: readonly number[];
  private output?: Tensor;
  private dInput?: Tensor;

  constructor(options: Partial<MaxPool2DOptions> = {}) {
    const poolSize = options.poolSize ?? MAXPOOL2D_DEFAULTS.poolSize;
    this.options = { poolSize, strides: options.strides ?? poolSize };
    for (const [key, v] of Object.entries(this.options)) {
      if (!Number.isInteger(v) || v < 1)
        throw new Error(`maxpool2d: ${key} must be a positive integer, got ${v}`);
    }
  }

  static fromJSON(config: Readonly<Record<string, unknown>>): MaxPool2D {
    const poolSize = numberOption('maxpool2d', config, 'poolSize', MAXPOOL2D_DEFAULTS.poolSize);
    return new MaxPool2D({ poolSize, strides: numberOption('maxpool2d', config, 'strides', poolSize) });
  }

  shapes(inputShape: readonly number[]): LayerShapes {
    if (inputShape.length !== 3) {
      throw new Error(
        `maxpool2d: expects NCHW input [batch, C, H, W], got [batch, ${inputShape.join(', ')}]`,
      );
    }
    const [channels, height, width] = inputShape;
    const { poolSize, strides } = this.options;
    const outH = Math.floor((height - poolSize) / strides) + 1;
    const outW = Math.floor((width - poolSize) / strides) + 1;
    if (outH < 1 || outW < 1) {
      throw new Error(`maxpool2d: window ${poolSize} does not fit input ${height}×${width}`);
    }
    return { output: [channels, outH, outW], params: [], state: [] };
  }

  build(inputShape: readonly number[]): readonly number[] {
    const { output } = this.shapes(inputShape);
    [, this.outH, this.outW] = output;
    this.inputShape = [...inputShape];
    return output;
  }

  forward(x: Tensor, _options: ForwardOptions): Tensor {
    const inputShape = built(this.type, this.inputShape);
    const batch = batchOf(this.type, x, inputShape);
    const [channels, height, width] = inputShape;
    const { outH, outW } = this;
    const y = (this.output = reuse(this.output, [batch, channels, outH, outW]));
    if (this.argmax.length !== y.data.length) this.argmax = new Int32Array(y.data.length);
    const g = { planes: batch * channels, height, width, ...this.options, outH, outW };
    maxPool(g, x.data, y.data, this.argmax);
    this.inputBatchShape = x.shape;
    return y;
  }

  backward(dOut: Tensor, options: BackwardOptions = {}): Tensor {
    const shape = this.inputBatchShape;
    if (shape === undefined) throw new Error('maxpool2d: backward() before forward()');
    if (options.inputGradient === false) return skipped(shape);
    const dx = (this.dInput = reuse(this.dInput, shape));
    maxPoolBackward(dOut.data, this.argmax, dx.data);
    return dx;
  }

  params() {
    return [];
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: { ...this.options } };
  }
}
