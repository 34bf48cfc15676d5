// Batch-1 inference for live recognition: the renderer calls it on every stroke. Input and output
// buffers are allocated once; the layers reuse theirs (batch size never changes), and Dense layers hit
// the GEMM's unpacked row-times-matrix path for a single row.

import { softmaxRows } from './kernels';
import type { Sequential } from './model';
import { sizeOf, type Tensor, tensor } from './tensor';

export class Recognizer {
  private readonly input: Tensor;
  /** Softmax probabilities of the last `predict`, one per class; overwritten by the next call. */
  readonly probabilities: Float32Array;
  /** Logits of the last `predict`. */
  readonly logits: Float32Array;

  constructor(readonly model: Sequential) {
    this.input = tensor([1, ...model.inputShape]);
    const classes = sizeOf(model.outputShape);
    this.probabilities = new Float32Array(classes);
    this.logits = new Float32Array(classes);
  }

  /** pixels: one sample, flat in the model's input layout (e.g. 784 values for [1, 28, 28]). */
  predict(pixels: ArrayLike<number>): Float32Array {
    if (pixels.length !== this.input.data.length) {
      throw new Error(`predict: expected ${this.input.data.length} input values, got ${pixels.length}`);
    }
    this.input.data.set(pixels);
    const out = this.model.forward(this.input, { training: false });
    this.logits.set(out.data);
    softmaxRows(out.data, 1, this.probabilities.length, this.probabilities);
    return this.probabilities;
  }

  /** Index of the most probable class of the last `predict`. */
  best(): number {
    let k = 0;
    for (let i = 1; i < this.probabilities.length; i++)
      if (this.probabilities[i] > this.probabilities[k]) k = i;
    return k;
  }
}
