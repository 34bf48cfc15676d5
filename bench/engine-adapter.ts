// The one place the benchmarks build engine models and the loss. TEMPORARY stand-ins until
// engine/model.ts (Sequential) and engine/losses land: a chain of registry-built layers and a
// softmax cross-entropy.

import type { Layer, LayerSpec, Loss } from '../engine/layer';
import '../engine/layers/index';
import '../engine/recurrent/index';
import { createLayer } from '../engine/registry';
import { Rng } from '../engine/rng';
import type { Param, Tensor } from '../engine/tensor';
import type { TrainableModel } from '../engine/train';

export interface ModelSpec {
  readonly inputShape: readonly number[];
  readonly layers: readonly LayerSpec[];
}

class Chain implements TrainableModel {
  readonly layers: Layer[];
  constructor(spec: ModelSpec, seed: number) {
    const rng = new Rng(seed);
    this.layers = spec.layers.map(createLayer);
    let shape = spec.inputShape;
    for (const l of this.layers) shape = l.build(shape, rng);
  }
  forward(x: Tensor, options: { training: boolean; rng?: Rng }): Tensor {
    let y = x;
    for (const l of this.layers) y = l.forward(y, options);
    return y;
  }
  backward(dOut: Tensor): Tensor {
    let d = dOut;
    for (let i = this.layers.length - 1; i >= 0; i--)
      d = this.layers[i].backward(d, { inputGradient: i > 0 });
    return d;
  }
  params(): Param[] {
    return this.layers.flatMap((l) => l.params());
  }
  state(): Tensor[] {
    return this.layers.flatMap((l) => l.state?.() ?? []);
  }
}

export function buildModel(spec: ModelSpec, seed: number): TrainableModel & { layers: Layer[] } {
  return new Chain(spec, seed);
}

class SoftmaxCrossEntropy implements Loss {
  readonly type = 'softmaxCrossEntropy';
  private grad: Tensor = { shape: [0], data: new Float32Array(0) };
  forward(p: Tensor, target: Int32Array): number {
    const [n, c] = p.shape;
    if (this.grad.data.length !== n * c) this.grad = { shape: [n, c], data: new Float32Array(n * c) };
    const g = this.grad.data;
    let loss = 0;
    for (let r = 0; r < n; r++) {
      let max = -Infinity;
      for (let k = 0; k < c; k++) max = Math.max(max, p.data[r * c + k]);
      let sum = 0;
      for (let k = 0; k < c; k++) sum += Math.exp(p.data[r * c + k] - max);
      for (let k = 0; k < c; k++) g[r * c + k] = Math.exp(p.data[r * c + k] - max) / sum / n;
      g[r * c + target[r]] -= 1 / n;
      loss += Math.log(sum) + max - p.data[r * c + target[r]];
    }
    return loss / n;
  }
  backward(): Tensor {
    return this.grad;
  }
}

export function classificationLoss(): Loss {
  return new SoftmaxCrossEntropy();
}
