// Evaluation of a classifier on a dataset, in batches: accuracy, top-k, loss, confusion matrix,
// per-class precision / recall / F1, and the misclassified samples with their confidence.
// The model's output is taken as logits [batch, classes] (softmax is fused into the loss);
// confidence is the softmax probability of the predicted class.

import { type AnyDataset, BatchGatherer, datasetSize, range } from './batch';
import type { ForwardOptions, Loss } from './layer';
import type { Tensor } from './tensor';

/** What evaluation needs of a model: an inference forward pass. */
export interface Predictor {
  forward(x: Tensor, options: ForwardOptions): Tensor;
}

export interface ClassMetrics {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Number of samples whose true class this is. */
  readonly support: number;
}

export interface Misclassification {
  /** Index of the sample in the dataset. */
  readonly index: number;
  readonly predicted: number;
  readonly actual: number;
  /** Softmax probability of the predicted class, in [0, 1]. */
  readonly confidence: number;
}

export interface Evaluation {
  readonly count: number;
  readonly accuracy: number;
  /** Fraction of samples whose true class is among the k highest scores, for each requested k. */
  readonly topK: Readonly<Record<number, number>>;
  /** Mean loss, when a loss was given. */
  readonly loss?: number;
  /** confusion[actual·classes + predicted], counts. */
  readonly confusion: Int32Array;
  readonly perClass: readonly ClassMetrics[];
  /** Unweighted means over the classes that occur (support > 0). */
  readonly macro: { readonly precision: number; readonly recall: number; readonly f1: number };
  readonly misclassified: readonly Misclassification[];
}

export interface EvaluateOptions {
  readonly numClasses: number;
  /** Samples per forward pass. Default 256. */
  readonly batchSize?: number;
  /** Which k to report in `topK`. Default [1, 3]. */
  readonly topK?: readonly number[];
  readonly loss?: Loss;
  /** Evaluate only these samples (e.g. a validation split). Default: all. */
  readonly indices?: Int32Array;
  /** Keep at most this many misclassifications (most confident first). Default: all. */
  readonly maxMisclassified?: number;
}

/** Runs the model over the samples in batches and passes each batch's logits to `visit`. */
export function forEachPrediction(
  model: Predictor,
  dataset: AnyDataset,
  visit: (logits: Tensor, labels: Int32Array, indices: Int32Array, start: number) => void,
  batchSize = 256,
  indices: Int32Array = range(datasetSize(dataset)),
): void {
  const gatherer = new BatchGatherer(dataset);
  for (let start = 0; start < indices.length; start += batchSize) {
    const count = Math.min(batchSize, indices.length - start);
    const { x, y } = gatherer.gather(indices, start, count);
    visit(model.forward(x, { training: false }), y, indices, start);
  }
}

/** The model's logits for every sample of `dataset`, [count, classes] row-major. */
export function predictLogits(model: Predictor, dataset: AnyDataset, batchSize = 256): Float32Array {
  let out = new Float32Array(0);
  forEachPrediction(
    model,
    dataset,
    (logits, _labels, _indices, start) => {
      const cols = logits.shape[1]!;
      if (out.length === 0) out = new Float32Array(datasetSize(dataset) * cols);
      out.set(logits.data.subarray(0, logits.shape[0]! * cols), start * cols);
    },
    batchSize,
  );
  return out;
}

/** Index of the largest value in row `row` of a [rows, cols] array. */
export function argmaxRow(values: Float32Array, row: number, cols: number): number {
  let best = 0;
  const base = row * cols;
  for (let c = 1; c < cols; c++) if (values[base + c] > values[base + best]) best = c;
  return best;
}

/** Softmax probability of column `col` in row `row` of logits (max-subtracted: no overflow). */
export function softmaxAt(logits: Float32Array, row: number, cols: number, col: number): number {
  const base = row * cols;
  let max = -Infinity;
  for (let c = 0; c < cols; c++) max = Math.max(max, logits[base + c]);
  let sum = 0;
  for (let c = 0; c < cols; c++) sum += Math.exp(logits[base + c] - max);
  return Math.exp(logits[base + col] - max) / sum;
}

/** 1-based rank of `col` in its row: 1 if it holds the largest score (ties count in its favour). */
function rankOf(values: Float32Array, row: number, cols: number, col: number): number {
  const base = row * cols;
  const v = values[base + col];
  let rank = 1;
  for (let c = 0; c < cols; c++) if (values[base + c] > v) rank++;
  return rank;
}

export function confusionMatrix(
  predicted: ArrayLike<number>,
  actual: ArrayLike<number>,
  classes: number,
): Int32Array {
  const m = new Int32Array(classes * classes);
  for (let i = 0; i < actual.length; i++) m[actual[i] * classes + predicted[i]]++;
  return m;
}

/** Precision, recall and F1 per class from a confusion matrix (0 where undefined). */
export function classMetrics(confusion: Int32Array, classes: number): ClassMetrics[] {
  const result: ClassMetrics[] = [];
  for (let k = 0; k < classes; k++) {
    let predictedK = 0;
    let actualK = 0;
    for (let j = 0; j < classes; j++) {
      predictedK += confusion[j * classes + k];
      actualK += confusion[k * classes + j];
    }
    const hits = confusion[k * classes + k];
    const precision = predictedK > 0 ? hits / predictedK : 0;
    const recall = actualK > 0 ? hits / actualK : 0;
    const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
    result.push({ precision, recall, f1, support: actualK });
  }
  return result;
}

export function evaluate(model: Predictor, dataset: AnyDataset, options: EvaluateOptions): Evaluation {
  const classes = options.numClasses;
  const ks = options.topK ?? [1, 3];
  const topHits = ks.map(() => 0);
  const confusion = new Int32Array(classes * classes);
  const misclassified: Misclassification[] = [];
  let count = 0;
  let correct = 0;
  let lossSum = 0;
  forEachPrediction(
    model,
    dataset,
    (logits, labels, indices, start) => {
      const rows = logits.shape[0];
      if (logits.shape[1] !== classes) {
        throw new Error(`evaluate: the model outputs ${logits.shape[1]} classes, expected ${classes}`);
      }
      if (options.loss !== undefined) lossSum += options.loss.forward(logits, labels) * rows;
      for (let r = 0; r < rows; r++) {
        const actual = labels[r];
        const predicted = argmaxRow(logits.data, r, classes);
        confusion[actual * classes + predicted]++;
        const rank = rankOf(logits.data, r, classes, actual);
        ks.forEach((k, i) => {
          if (rank <= k) topHits[i]++;
        });
        if (predicted === actual) correct++;
        else {
          const confidence = softmaxAt(logits.data, r, classes, predicted);
          misclassified.push({ index: indices[start + r], predicted, actual, confidence });
        }
      }
      count += rows;
    },
    options.batchSize,
    options.indices,
  );
  misclassified.sort((a, b) => b.confidence - a.confidence);
  if (options.maxMisclassified !== undefined)
    misclassified.length = Math.min(misclassified.length, options.maxMisclassified);
  const perClass = classMetrics(confusion, classes);
  const present = perClass.filter((c) => c.support > 0);
  const mean = (f: (c: ClassMetrics) => number) =>
    present.length > 0 ? present.reduce((s, c) => s + f(c), 0) / present.length : 0;
  const topK: Record<number, number> = {};
  ks.forEach((k, i) => {
    topK[k] = count > 0 ? topHits[i] / count : 0;
  });
  return {
    count,
    accuracy: count > 0 ? correct / count : 0,
    topK,
    ...(options.loss !== undefined ? { loss: count > 0 ? lossSum / count : 0 } : {}),
    confusion,
    perClass,
    macro: { precision: mean((c) => c.precision), recall: mean((c) => c.recall), f1: mean((c) => c.f1) },
    misclassified,
  };
}
