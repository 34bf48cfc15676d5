// Batch normalisation (Ioffe & Szegedy 2015, https://arxiv.org/abs/1502.03167) over dense [B, F]
// input (per feature) or NCHW [B, C, H, W] input (per channel, over batch and space):
//   y = gamma · (x − mean) / √(var + epsilon) + beta.
// Training uses the batch's statistics and updates the running ones; inference uses the running ones.
// Running update (PyTorch's convention): running = (1 − momentum)·running + momentum·batch, with the
// unbiased batch variance n/(n − 1)·var; the biased variance normalises the batch itself.

import type { BackwardOptions, ForwardOptions, Layer, LayerShapes, LayerSpec } from '../layer';
import { numberOption } from '../registry';
import { type Param, param, sizeOf, type Tensor, tensor } from '../tensor';
import { batchOf, built, reuse, skipped } from './scratch';

export interface BatchNormOptions {
  /** Weight of the new batch in the running statistics (PyTorch's meaning; Keras' is 1 − this). */
  readonly momentum: number;
  /** Added to the variance before the square root. */
  readonly epsilon: number;
}

export const BATCH_NORM_DEFAULTS: BatchNormOptions = { momentum: 0.1, epsilon: 1e-5 };

export class BatchNorm implements Layer {
  readonly type = 'batchNorm';
  readonly options: BatchNormOptions;
  gamma!: Param; // [C]
  beta!: Param; // [C]
  runningMean!: Tensor; // [C]
  runningVar!: Tensor; // [C]
  private inputShape?: readonly number[];
  private channels = 0;
  private spatial = 1; // H·W for NCHW, 1 for dense
  private training = false;
  private normalized?: Tensor; // x̂, cached for backward
  private invStd = new Float32Array(0); // 1/√(var + ε) per channel, of the last forward
  private output?: Tensor;
  private dInput?: Tensor;

  constructor(options: Partial<BatchNormOptions> = {}) {
    this.options = { ...BATCH_NORM_DEFAULTS, ...options };
  }

  static fromJSON(config: Readonly<Record<string, unknown>>): BatchNorm {
    return new BatchNorm({
      momentum: numberOption('batchNorm', config, 'momentum', BATCH_NORM_DEFAULTS.momentum),
      epsilon: numberOption('batchNorm', config, 'epsilon', BATCH_NORM_DEFAULTS.epsilon),
    });
  }

  shapes(inputShape: readonly number[]): LayerShapes {
    if (inputShape.length !== 1 && inputShape.length !== 3) {
      throw new Error(
        `batchNorm: expects [batch, F] or [batch, C, H, W], got [batch, ${inputShape.join(', ')}]`,
      );
    }
    const perChannel = [inputShape[0]]; // [C]
    return {
      output: [...inputShape],
      params: [
        { name: 'gamma', shape: perChannel },
        { name: 'beta', shape: perChannel },
      ],
      state: [perChannel, perChannel], // running mean, running variance
    };
  }

  build(inputShape: readonly number[]): readonly number[] {
    const { output } = this.shapes(inputShape);
    this.inputShape = [...inputShape];
    this.channels = inputShape[0];
    this.spatial = sizeOf(inputShape.slice(1));
    this.gamma = param('gamma', [this.channels], false);
    this.beta = param('beta', [this.channels], false);
    this.gamma.value.data.fill(1);
    this.runningMean = tensor([this.channels]);
    this.runningVar = tensor([this.channels]);
    this.runningVar.data.fill(1);
    this.invStd = new Float32Array(this.channels);
    return output;
  }

  forward(x: Tensor, options: ForwardOptions): Tensor {
    const batch = batchOf(this.type, x, built(this.type, this.inputShape));
    const { channels, spatial } = this;
    const { epsilon, momentum } = this.options;
    const y = (this.output = reuse(this.output, x.shape));
    const gamma = this.gamma.value.data;
    const beta = this.beta.value.data;
    const xd = x.data;
    this.training = options.training;
    const xhat = (this.normalized = reuse(this.normalized, x.shape)).data;
    const n = batch * spatial;
    const stride = channels * spatial;
    for (let c = 0; c < channels; c++) {
      let mean: number;
      let variance: number;
      if (options.training) {
        // two passes in float64: mean, then variance about it (no catastrophic cancellation)
        let sum = 0;
        for (let b = 0; b < batch; b++) {
          const o = b * stride + c * spatial;
          for (let i = 0; i < spatial; i++) sum += xd[o + i];
        }
        mean = sum / n;
        let sq = 0;
        for (let b = 0; b < batch; b++) {
          const o = b * stride + c * spatial;
          for (let i = 0; i < spatial; i++) sq += (xd[o + i] - mean) ** 2;
        }
        variance = sq / n;
        const unbiased = n > 1 ? (variance * n) / (n - 1) : variance;
        this.runningMean.data[c] = (1 - momentum) * this.runningMean.data[c] + momentum * mean;
        this.runningVar.data[c] = (1 - momentum) * this.runningVar.data[c] + momentum * unbiased;
      } else {
        mean = this.runningMean.data[c];
        variance = this.runningVar.data[c];
      }
      const inv = 1 / Math.sqrt(variance + epsilon);
      this.invStd[c] = inv;
      const g = gamma[c];
      const bt = beta[c];
      for (let b = 0; b < batch; b++) {
        const o = b * stride + c * spatial;
        for (let i = 0; i < spatial; i++) {
          const h = (xd[o + i] - mean) * inv;
          xhat[o + i] = h;
          y.data[o + i] = g * h + bt;
        }
      }
    }
    return y;
  }

  backward(dOut: Tensor, options: BackwardOptions = {}): Tensor {
    const y = this.output;
    if (y === undefined) throw new Error('batchNorm: backward() before forward()');
    const batch = y.shape[0];
    const { channels, spatial } = this;
    const stride = channels * spatial;
    const n = batch * spatial;
    const dy = dOut.data;
    const gamma = this.gamma.value.data;
    const wantInput = options.inputGradient !== false;
    const dx = wantInput ? (this.dInput = reuse(this.dInput, y.shape)) : skipped(y.shape);
    const xhat = this.normalized!.data;
    for (let c = 0; c < channels; c++) {
      let sumDy = 0;
      let sumDyXhat = 0;
      for (let b = 0; b < batch; b++) {
        const o = b * stride + c * spatial;
        for (let i = 0; i < spatial; i++) {
          sumDy += dy[o + i];
          sumDyXhat += dy[o + i] * xhat[o + i];
        }
      }
      this.beta.grad.data[c] += sumDy;
      this.gamma.grad.data[c] += sumDyXhat;
      if (!wantInput) continue;
      const scale = gamma[c] * this.invStd[c];
      if (!this.training) {
        // inference: y is affine in x with fixed statistics (saliency on a trained model comes here)
        for (let b = 0; b < batch; b++) {
          const o = b * stride + c * spatial;
          for (let i = 0; i < spatial; i++) dx.data[o + i] = scale * dy[o + i];
        }
        continue;
      }
      // dx = γ/σ · (dy − mean(dy) − x̂ · mean(dy · x̂))
      const meanDy = sumDy / n;
      const meanDyXhat = sumDyXhat / n;
      for (let b = 0; b < batch; b++) {
        const o = b * stride + c * spatial;
        for (let i = 0; i < spatial; i++)
          dx.data[o + i] = scale * (dy[o + i] - meanDy - xhat[o + i] * meanDyXhat);
      }
    }
    return dx;
  }

  params(): Param[] {
    return [this.gamma, this.beta];
  }

  /** [runningMean, runningVar]. */
  state(): Tensor[] {
    return [this.runningMean, this.runningVar];
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: { ...this.options } };
  }
}
