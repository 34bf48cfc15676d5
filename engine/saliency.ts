// Input-gradient saliency (Simonyan, Vedaldi & Zisserman 2014, https://arxiv.org/abs/1312.6034): the
// gradient of one class score (its logit, before softmax) with respect to the input pixels shows which
// pixels would change that score most. Works for any Sequential model.

import type { Sequential } from './model';
import { type Tensor, tensor } from './tensor';

/**
 * d logit[class] / d x for every sample of x [batch, ...inputShape], in inference mode; a fresh tensor
 * shaped like x. Parameter gradients are left exactly as they were.
 */
export function saliency(model: Sequential, x: Tensor, classIndex: number): Tensor {
  const params = model.params();
  const saved = params.map((p) => Float32Array.from(p.grad.data));
  const logits = model.forward(x, { training: false });
  const [batch, classes] = logits.shape;
  if (!(Number.isInteger(classIndex) && classIndex >= 0 && classIndex < classes)) {
    throw new Error(`saliency: class ${classIndex} is not in [0, ${classes})`);
  }
  const seed = tensor(logits.shape);
  for (let b = 0; b < batch; b++) seed.data[b * classes + classIndex] = 1;
  const dx = model.backward(seed, { inputGradient: true });
  params.forEach((p, i) => {
    p.grad.data.set(saved[i]);
  });
  return tensor(x.shape, Float32Array.from(dx.data));
}

/** |gradient| scaled so that the largest value is 1 (all zeros stay zeros): a [0, 1] heat map. */
export function heatMap(gradient: Tensor): Tensor {
  const out = tensor(gradient.shape);
  let max = 0;
  for (let i = 0; i < gradient.data.length; i++) max = Math.max(max, Math.abs(gradient.data[i]));
  if (max === 0 || !Number.isFinite(max)) return out;
  for (let i = 0; i < out.data.length; i++) out.data[i] = Math.abs(gradient.data[i]) / max;
  return out;
}
