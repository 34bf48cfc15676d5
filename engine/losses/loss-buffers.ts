// What the losses share around their arithmetic: the check of predictions against targets, the
// buffers they keep between forward and backward, and the error when backward comes first.

import { type Tensor, tensor } from '../tensor';

/**
 * [batch, classes] after checking that logits are 2-D and targets are valid class indices (or the
 * loss's own `extra` label, when it has one).
 */
export function checkShapes(
  type: string,
  prediction: Tensor,
  target: Int32Array,
  extra?: number,
): [number, number] {
  if (prediction.shape.length !== 2) {
    throw new Error(`${type}: expects [batch, classes] predictions, got [${prediction.shape.join(', ')}]`);
  }
  const [batch, classes] = prediction.shape;
  if (target.length !== batch) throw new Error(`${type}: ${batch} predictions but ${target.length} targets`);
  for (let b = 0; b < batch; b++) {
    if (!((target[b] >= 0 && target[b] < classes) || target[b] === extra)) {
      throw new Error(`${type}: target ${target[b]} at row ${b} is not a class in [0, ${classes})`);
    }
  }
  return [batch, classes];
}

/** `buffer` when it holds as many values as `like`, else a fresh tensor of `like`'s shape. */
export function sized(buffer: Tensor | undefined, like: Tensor): Tensor {
  return buffer?.data.length === like.data.length ? buffer : tensor(like.shape);
}

/** What forward kept for backward; throws when backward comes before forward. */
export function cached(
  type: string,
  output: Tensor | undefined,
  target: Int32Array | undefined,
): [output: Tensor, target: Int32Array] {
  if (output === undefined || target === undefined) throw new Error(`${type}: backward() before forward()`);
  return [output, target];
}
