// What Dense and Conv2D share besides their arithmetic: a kernel, a bias kept even without `useBias`,
// the ReLU after them applied in their own forward (fuseActivation), and their spec.

import type { LayerSpec } from '../layer';
import type { Param } from '../tensor';

export abstract class KernelLayer<Options extends { readonly useBias: boolean }> {
  abstract readonly type: string;
  abstract readonly options: Options;
  kernel!: Param;
  bias!: Param;
  /** The ReLU that follows, applied here (fuseActivation). */
  protected relu = false;

  fuseActivation(type: string): boolean {
    if (type !== 'relu') return false;
    this.relu = true;
    return true;
  }

  params(): Param[] {
    return this.options.useBias ? [this.kernel, this.bias] : [this.kernel];
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: { ...this.options } };
  }
}
