// A copy of a model's parameter values and state (batch-norm statistics) that can be put back:
// the trainer keeps the last weights that gave a finite loss, and the best ones for early stopping.

import type { Param, Tensor } from './tensor';

export class WeightSnapshot {
  private readonly copies: Float32Array[];
  private taken = false;

  constructor(private readonly tensors: readonly Tensor[]) {
    this.copies = tensors.map((t) => new Float32Array(t.data.length));
  }

  static of(params: readonly Param[], state: readonly Tensor[] = []): WeightSnapshot {
    return new WeightSnapshot([...params.map((p) => p.value), ...state]);
  }

  get hasValue(): boolean {
    return this.taken;
  }

  capture(): void {
    this.tensors.forEach((t, i) => {
      this.copies[i].set(t.data);
    });
    this.taken = true;
  }

  /** Puts the captured values back; a snapshot never captured leaves the model as it is. */
  restore(): void {
    if (!this.taken) return;
    this.tensors.forEach((t, i) => {
      t.data.set(this.copies[i]);
    });
  }
}
