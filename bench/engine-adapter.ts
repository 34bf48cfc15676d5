// The one place the benchmarks build engine models and the loss: Sequential through the layer
// registry (the recurrent layer registered by importing engine/recurrent) and softmax cross-entropy.

import type { Loss } from '../engine/layer';
import '../engine/layers/index';
import { SoftmaxCrossEntropy } from '../engine/losses/index';
import { type ModelSpec, Sequential } from '../engine/model';
import '../engine/recurrent/index';
import { Rng } from '../engine/rng';

export function buildModel(spec: ModelSpec, seed: number): Sequential {
  return new Sequential(spec, new Rng(seed));
}

export function classificationLoss(): Loss {
  return new SoftmaxCrossEntropy();
}
