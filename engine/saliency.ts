// Input-gradient saliency (Simonyan, Vedaldi & Zisserman 2014, https://arxiv.org/abs/1312.6034): the
// gradient of one class score (its logit, before softmax) with respect to the input pixels shows which
// pixels would change that score most. Works for any Sequential model.

import type { Sequential } from './model';
import { forEachNeighbour } from './neighbours';
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

/**
 * A heat map a person can read: |gradient| of each [c, h, w] map blurred with a 3×3 binomial kernel
 * (raw input gradients are speckled, one pixel to the next), then scaled so that the `percentile`-th
 * value is 1 and clamped — a single hot pixel no longer washes the rest out. All zeros stay zeros.
 */
export function smoothHeatMap(gradient: Tensor, percentile = 0.99): Tensor {
  const shape = gradient.shape;
  const h = shape.length >= 2 ? shape[shape.length - 2]! : 1;
  const w = shape[shape.length - 1] ?? gradient.data.length;
  const planes = gradient.data.length / (h * w);
  const out = tensor(shape);
  const k = [1, 2, 1];
  let base = 0;
  let sum = 0;
  let weight = 0;
  const add = (i: number, dx: number, dy: number) => {
    const kw = k[dy + 1]! * k[dx + 1]!;
    sum += kw * Math.abs(gradient.data[base + i]!);
    weight += kw;
  };
  for (let p = 0; p < planes; p++) {
    base = p * h * w;
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        sum = 0;
        weight = 0;
        forEachNeighbour(x, y, w, h, add);
        out.data[base + y * w + x] = sum / weight;
      }
    }
  }
  const sorted = Float32Array.from(out.data).sort();
  const scale = sorted[Math.min(sorted.length - 1, Math.floor(percentile * (sorted.length - 1)))]!;
  if (!(scale > 0) || !Number.isFinite(scale)) return tensor(shape);
  for (let i = 0; i < out.data.length; i++) out.data[i] = Math.min(1, out.data[i]! / scale);
  return out;
}
