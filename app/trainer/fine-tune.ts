// The fine-tuning recipe: a base model learns a few custom samples (and new classes) without
// forgetting its own. The feature layers are frozen and run once over the training images (each custom
// sample plus augmented copies of it, and a replayed sample of the base dataset); only the dense head
// (the layers after the last feature layer) trains, on those cached features. That keeps the learned
// features intact and makes an epoch cost a few small GEMMs instead of a LeNet pass.

import { Augmenter, type AugmentOptions } from '../../datasets/augment';
import { checkDataset, concatDatasets, type Dataset } from '../../engine/batch';
import { Sequential } from '../../engine/model';
import { Rng } from '../../engine/rng';
import { sizeOf, tensor } from '../../engine/tensor';
import { type TrainOptions, type TrainResult, train } from '../../engine/train';
import type { FineTuneRecipe } from '../model/fine-tune-recipe';

/** Layer types that sit inside a dense head: they keep it a stack of dense layers. */
const HEAD_TYPES = new Set(['dense', 'relu', 'leakyRelu', 'tanh', 'sigmoid', 'dropout']);

/** Index of the first head layer: just after the last layer that is not dense or an activation. */
export function headStart(model: Sequential): number {
  let i = model.layers.length;
  while (i > 0 && HEAD_TYPES.has(model.layers[i - 1]!.type)) i--;
  return i;
}

/** `dataset` followed by `copies` augmented copies of each of its samples (28×28 images). */
export function withCopies(dataset: Dataset, copies: number, options: AugmentOptions, seed: number): Dataset {
  const n = dataset.labels.length;
  const size = checkDataset(dataset);
  const images = new Float32Array(n * (copies + 1) * size);
  const labels = new Int32Array(n * (copies + 1));
  images.set(dataset.images);
  labels.set(dataset.labels);
  for (let c = 1; c <= copies; c++) {
    images.set(dataset.images, c * n * size);
    labels.set(dataset.labels, c * n);
  }
  if (copies > 0 && n > 0) {
    const augmenter = new Augmenter(options);
    augmenter.apply(images.subarray(n * size), n * copies, new Rng(seed));
  }
  return { images, labels, sampleShape: dataset.sampleShape };
}

/** The frozen part of a model run over a dataset (inference mode, in batches): its outputs as a dataset. */
export function featuresOf(model: Sequential, end: number, dataset: Dataset, batchSize = 256): Dataset {
  if (end === 0) return dataset;
  const inputSize = checkDataset(dataset);
  const outShape = model.layerInputShapes[end]!;
  const outSize = sizeOf(outShape);
  const n = dataset.labels.length;
  const out = new Float32Array(n * outSize);
  for (let start = 0; start < n; start += batchSize) {
    const count = Math.min(batchSize, n - start);
    const x = tensor([count, ...model.inputShape]);
    x.data.set(dataset.images.subarray(start * inputSize, (start + count) * inputSize));
    let y = x;
    for (let i = 0; i < end; i++) y = model.layers[i]!.forward(y, { training: false });
    out.set(y.data.subarray(0, count * outSize), start * outSize);
  }
  return { images: out, labels: Int32Array.from(dataset.labels), sampleShape: outShape };
}

/** A model's head (layers from `start` on) as its own Sequential, with the same weights. */
function headOf(model: Sequential, start: number): Sequential {
  const spec = model.toJSON();
  const head = new Sequential(
    { inputShape: model.layerInputShapes[start]!, layers: spec.layers.slice(start) },
    new Rng(1),
  );
  model.layers.slice(start).forEach((layer, i) => {
    const from = [...layer.params().map((p) => p.value), ...(layer.state?.() ?? [])];
    const to = [...head.layers[i]!.params().map((p) => p.value), ...(head.layers[i]!.state?.() ?? [])];
    to.forEach((t, k) => {
      t.data.set(from[k]!.data);
    });
  });
  return head;
}

/** Copy a head's weights back into the full model's layers from `start` on. */
function commitHead(model: Sequential, head: Sequential, start: number): void {
  head.layers.forEach((layer, i) => {
    const to = model.layers[start + i]!;
    const from = [...layer.params().map((p) => p.value), ...(layer.state?.() ?? [])];
    [...to.params().map((p) => p.value), ...(to.state?.() ?? [])].forEach((t, k) => {
      t.data.set(from[k]!.data);
    });
  });
}

export interface FineTuneInput {
  /** The base model, already grown to every class (Sequential.withClasses); trained in place. */
  model: Sequential;
  /** The custom training samples, labels in the model's class order. */
  custom: Dataset;
  /** Replayed base-dataset images, labels in the model's class order (may be empty). */
  replay: Dataset;
  recipe: FineTuneRecipe;
  /** The engine's training options; `augment` is not used (the copies are made up front). */
  options: Omit<TrainOptions, 'augment'>;
}

export interface FineTuneOutput {
  result: TrainResult;
  /** Images trained on per epoch: custom × (1 + copies) + replay. */
  trainCount: number;
}

/**
 * Fine-tune `model` in place. With `layers: 'head'` the engine's training loop runs on the frozen
 * layers' outputs and the head's weights are written back into `model` before every `onEpochEnd`
 * (so a checkpoint taken there is the whole model) and at the end.
 */
export async function fineTune(input: FineTuneInput): Promise<FineTuneOutput> {
  const { model, recipe, options } = input;
  const seed = options.seed ?? 1;
  const expanded = withCopies(input.custom, recipe.copies, recipe.augment, seed);
  const all = concatDatasets(expanded, input.replay);
  const start = recipe.layers === 'head' ? headStart(model) : 0;
  if (start === 0) {
    const result = await train(model, all, options);
    return { result, trainCount: all.labels.length };
  }
  const head = headOf(model, start);
  const features = featuresOf(model, start, all);
  const result = await train(head, features, {
    ...options,
    onEpochEnd: async (report) => {
      commitHead(model, head, start);
      await options.onEpochEnd?.(report);
    },
  });
  commitHead(model, head, start);
  return { result, trainCount: all.labels.length };
}

/** Folds of the out-of-fold check, and its lighter training (a check, not the model that is kept). */
export const CHECK = { folds: 5, replay: 2000, epochFactor: 0.5 } as const;

/**
 * Out-of-fold class probabilities [n, classes] for the custom samples: each fold of them is predicted
 * by a copy of `start` (the base model grown to every class, not yet fine-tuned) fine-tuned on the
 * other folds with lighter settings, so a mislabelled sample is judged by a model that never learned
 * its wrong label. Resolves null when cancelled.
 */
export async function outOfFold(
  start: Sequential,
  input: Omit<FineTuneInput, 'model'>,
  folds = CHECK.folds,
): Promise<Float32Array | null> {
  const { custom, recipe, options } = input;
  const n = custom.labels.length;
  const size = checkDataset(custom);
  const classes = sizeOf(start.outputShape);
  const out = new Float32Array(n * classes);
  const replay: Dataset = {
    images: input.replay.images.subarray(0, Math.min(CHECK.replay, input.replay.labels.length) * size),
    labels: input.replay.labels.subarray(0, Math.min(CHECK.replay, input.replay.labels.length)),
    sampleShape: input.replay.sampleShape,
  };
  for (let f = 0; f < Math.min(folds, n); f++) {
    const held = Array.from({ length: n }, (_, i) => i).filter((i) => i % folds === f);
    const kept = Array.from({ length: n }, (_, i) => i).filter((i) => i % folds !== f);
    const model = start.clone(new Rng(1));
    const { result } = await fineTune({
      model,
      custom: pick(custom, kept),
      replay,
      recipe,
      options: {
        ...options,
        epochs: Math.max(2, Math.ceil(options.epochs * CHECK.epochFactor)),
        validation: undefined,
        earlyStopping: undefined,
        onBatchEnd: undefined,
        onEpochEnd: undefined,
      },
    });
    if (result.status === 'cancelled') return null;
    const probabilities = model.predict(tensorOf(pick(custom, held)));
    held.forEach((i, r) => {
      out.set(probabilities.data.subarray(r * classes, (r + 1) * classes), i * classes);
    });
  }
  return out;
}

function pick(dataset: Dataset, indices: number[]): Dataset {
  const size = checkDataset(dataset);
  const images = new Float32Array(indices.length * size);
  indices.forEach((j, i) => {
    images.set(dataset.images.subarray(j * size, (j + 1) * size), i * size);
  });
  return {
    images,
    labels: Int32Array.from(indices, (j) => dataset.labels[j]!),
    sampleShape: dataset.sampleShape,
  };
}

function tensorOf(dataset: Dataset) {
  const x = tensor([dataset.labels.length, ...dataset.sampleShape]);
  x.data.set(dataset.images);
  return x;
}
