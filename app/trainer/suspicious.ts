// Suspicious samples: after training on a custom set, the saved samples the model strongly disagrees
// with — it puts a low probability on the sample's own label, or confidently names another class.
// Backprop fits noisy labels too, so these are the ones to review (relabel or delete) first.

import type { AnyDataset, Dataset } from '../../engine/batch';
import type { Predictor } from '../../engine/metrics';
import { forEachPrediction } from '../../engine/metrics';
import type { SuspiciousSample } from '../shared/types';

export const SUSPICION = {
  /** Flag a sample whose own label gets less than this probability. */
  labelProbability: 0.1,
  /** …or whose top class is another one, at least this confident. */
  confidence: 0.8,
  /** At most this many are reported. */
  max: 50,
} as const;

/** Softmax of one row of logits, into `out`. */
function softmaxRow(logits: Float32Array, row: number, cols: number, out: Float32Array): void {
  let max = -Infinity;
  for (let c = 0; c < cols; c++) max = Math.max(max, logits[row * cols + c]!);
  let sum = 0;
  for (let c = 0; c < cols; c++) {
    out[c] = Math.exp(logits[row * cols + c]! - max);
    sum += out[c]!;
  }
  for (let c = 0; c < cols; c++) out[c]! /= sum;
}

/** Class probabilities [n, classes] of every sample of `dataset` (inference mode). */
export function probabilitiesOf(model: Predictor, dataset: Dataset): Float32Array {
  let out = new Float32Array(0);
  forEachPrediction(model, dataset, (logits, labels, indices, start) => {
    const cols = logits.shape[1]!;
    if (out.length === 0) out = new Float32Array(dataset.labels.length * cols);
    const row = new Float32Array(cols);
    for (let r = 0; r < labels.length; r++) {
      softmaxRow(logits.data, r, cols, row);
      out.set(row, indices[start + r]! * cols);
    }
  });
  return out;
}

/**
 * The samples (labels in `classes` order, `ids[i]` naming sample i, `probabilities` [n, classes] from
 * a model that did not train on them where possible) the model disagrees with, most doubtful first.
 */
export function flagSuspicious(
  probabilities: Float32Array,
  labels: ArrayLike<number>,
  ids: readonly string[],
  classes: readonly string[],
): SuspiciousSample[] {
  const cols = classes.length;
  const found: SuspiciousSample[] = [];
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities.subarray(i * cols, (i + 1) * cols);
    let top = 0;
    for (let c = 1; c < cols; c++) if (p[c]! > p[top]!) top = c;
    const own = p[labels[i]!]!;
    const doubtful =
      own < SUSPICION.labelProbability || (top !== labels[i] && p[top]! >= SUSPICION.confidence);
    if (!doubtful) continue;
    found.push({
      id: ids[i]!,
      label: classes[labels[i]!]!,
      predicted: classes[top]!,
      confidence: p[top]!,
      labelProbability: own,
    });
  }
  return found.sort((a, b) => a.labelProbability - b.labelProbability).slice(0, SUSPICION.max);
}

/** The samples of `dataset` a trained model disagrees with (its own predictions). */
export function findSuspicious(
  model: Predictor,
  dataset: Dataset,
  ids: readonly string[],
  classes: readonly string[],
): SuspiciousSample[] {
  return flagSuspicious(probabilitiesOf(model, dataset), dataset.labels, ids, classes);
}

/** Top-1 accuracy of `model` on `dataset`; a model with fewer outputs than the labels reach gets those wrong. */
export function accuracyOf(model: Predictor, dataset: AnyDataset): number {
  let correct = 0;
  let count = 0;
  forEachPrediction(model, dataset, (logits, labels) => {
    const cols = logits.shape[1]!;
    for (let r = 0; r < labels.length; r++) {
      let top = 0;
      for (let c = 1; c < cols; c++) if (logits.data[r * cols + c]! > logits.data[r * cols + top]!) top = c;
      if (top === labels[r]) correct++;
      count++;
    }
  });
  return count > 0 ? correct / count : 0;
}
