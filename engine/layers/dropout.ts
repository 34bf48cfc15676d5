// Inverted dropout (Srivastava et al. 2014, https://jmlr.org/papers/v15/srivastava14a.html): in
// training each value is zeroed with probability `rate` and the survivors scaled by 1/(1 − rate), so
// inference is the identity and needs no rescaling. The mask comes from `options.rng`.

import type { BackwardOptions, ForwardOptions, Layer, LayerShapes, LayerSpec } from '../layer';
import { numberOption } from '../registry';
import type { Param, Tensor } from '../tensor';
import { reuse, skipped } from './scratch';

export interface DropoutOptions {
  /** Probability of dropping a value, in [0, 1). */
  readonly rate: number;
}

export const DROPOUT_DEFAULTS: DropoutOptions = { rate: 0.5 };

export class Dropout implements Layer {
  readonly type = 'dropout';
  readonly options: DropoutOptions;
  private mask?: Tensor; // 0 or 1/(1 − rate), cached for backward
  private training = false;
  private inputBatchShape?: readonly number[];
  private output?: Tensor;
  private dInput?: Tensor;

  constructor(options: Partial<DropoutOptions> = {}) {
    this.options = { ...DROPOUT_DEFAULTS, ...options };
    const { rate } = this.options;
    if (!(rate >= 0 && rate < 1)) throw new Error(`dropout: rate must be in [0, 1), got ${rate}`);
  }

  static fromJSON(config: Readonly<Record<string, unknown>>): Dropout {
    return new Dropout({ rate: numberOption('dropout', config, 'rate', DROPOUT_DEFAULTS.rate) });
  }

  shapes(inputShape: readonly number[]): LayerShapes {
    return { output: [...inputShape], params: [], state: [] };
  }

  build(inputShape: readonly number[]): readonly number[] {
    return this.shapes(inputShape).output;
  }

  forward(x: Tensor, options: ForwardOptions): Tensor {
    this.inputBatchShape = x.shape;
    this.training = options.training && this.options.rate > 0;
    if (!this.training) return x;
    const rng = options.rng;
    if (rng === undefined) throw new Error('dropout: training needs options.rng');
    const { rate } = this.options;
    const keep = 1 / (1 - rate);
    const mask = (this.mask = reuse(this.mask, x.shape));
    const y = (this.output = reuse(this.output, x.shape));
    for (let i = 0; i < x.data.length; i++) {
      const m = rng.next() >= rate ? keep : 0;
      mask.data[i] = m;
      y.data[i] = m * x.data[i];
    }
    return y;
  }

  backward(dOut: Tensor, options: BackwardOptions = {}): Tensor {
    const shape = this.inputBatchShape;
    if (shape === undefined) throw new Error('dropout: backward() before forward()');
    if (options.inputGradient === false) return skipped(shape);
    if (!this.training) return dOut;
    const mask = this.mask!.data;
    const dx = (this.dInput = reuse(this.dInput, shape));
    for (let i = 0; i < mask.length; i++) dx.data[i] = mask[i] * dOut.data[i];
    return dx;
  }

  params(): Param[] {
    return [];
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: { ...this.options } };
  }
}
