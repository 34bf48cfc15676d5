// Leaky ReLU: y = x for x > 0, alpha·x otherwise (Maas et al. 2013).
// NOTE: at exactly x = 0 the slope is alpha (the `x > 0` test fails), matching PyTorch.

import type { LayerSpec } from '../layer';
import { numberOption } from '../registry';
import { Activation } from './activation';

export interface LeakyReLUOptions {
  /** Slope for negative inputs. */
  readonly alpha: number;
}

export const LEAKY_RELU_DEFAULTS: LeakyReLUOptions = { alpha: 0.01 };

export class LeakyReLU extends Activation {
  readonly type = 'leakyRelu';
  readonly options: LeakyReLUOptions;

  constructor(options: Partial<LeakyReLUOptions> = {}) {
    super();
    this.options = { ...LEAKY_RELU_DEFAULTS, ...options };
  }

  static fromJSON(config: Readonly<Record<string, unknown>>): LeakyReLU {
    return new LeakyReLU({ alpha: numberOption('leakyRelu', config, 'alpha', LEAKY_RELU_DEFAULTS.alpha) });
  }

  protected apply(x: Float32Array, y: Float32Array): void {
    const a = this.options.alpha;
    for (let i = 0; i < x.length; i++) y[i] = x[i] > 0 ? x[i] : a * x[i];
  }

  protected derive(x: Float32Array, _y: Float32Array, dy: Float32Array, dx: Float32Array): void {
    const a = this.options.alpha;
    for (let i = 0; i < x.length; i++) dx[i] = x[i] > 0 ? dy[i] : a * dy[i];
  }

  override toJSON(): LayerSpec {
    return { type: this.type, config: { ...this.options } };
  }
}
