// The model a job trains: a fresh one from the spec, or a base model grown to new classes
// (fine-tuning). Only the trainer process builds networks; main sizes them by arithmetic.

import type { Loss } from '../../engine/layer';
import { MeanSquaredError } from '../../engine/losses/index';
import { Sequential } from '../../engine/model';
import { Rng } from '../../engine/rng';
import type { TrainOptions } from '../../engine/train';
import type { EpochReport } from '../../engine/train-types';
import { crossEntropy, layersOf, lossOf, presetTraining, SAMPLE_SHAPE } from '../model/engine-model';
import type { EpochMetrics, TrainingSpec } from '../shared/types';

/** A fresh model from a preset id or a layer list, for `classes` outputs, seeded by the spec. */
export function buildModel(spec: TrainingSpec, classes: number): Sequential {
  const rng = new Rng(spec.seed);
  return new Sequential({ inputShape: SAMPLE_SHAPE, layers: layersOf(spec, classes) }, rng);
}

/**
 * Fine-tuning with new classes: the base model's classes first, then the new ones; the engine grows
 * the output layer keeping every learned weight (new outputs start fresh).
 */
export function extendClasses(
  model: Sequential,
  baseClasses: string[],
  dataClasses: string[],
  seed: number,
): { model: Sequential; classes: string[] } {
  const added = dataClasses.filter((c) => !baseClasses.includes(c));
  const classes = [...baseClasses, ...added];
  if (added.length === 0) return { model, classes };
  return { model: model.withClasses(classes.length, new Rng(seed)), classes };
}

/** The engine's training options a spec asks for; the caller adds the data hooks, signal and callbacks. */
export function trainOptionsOf(
  spec: TrainingSpec,
): Pick<
  TrainOptions,
  | 'epochs'
  | 'batchSize'
  | 'learningRate'
  | 'optimizer'
  | 'schedule'
  | 'loss'
  | 'clipNorm'
  | 'seed'
  | 'validation'
  | 'earlyStopping'
> {
  // A preset's own convergence rule (the classic preset's): needs validation data to watch.
  const stopping = spec.layers?.length ? undefined : presetTraining(spec.architecture)?.earlyStopping;
  return {
    epochs: spec.epochs,
    batchSize: spec.batchSize,
    learningRate: spec.learningRate,
    optimizer: spec.optimizer,
    schedule: spec.schedule,
    loss: trainingLoss(spec),
    // A preset's own clipping; a layer list of the user's trains unclipped.
    clipNorm: spec.layers?.length ? undefined : presetTraining(spec.architecture)?.clipNorm,
    seed: spec.seed,
    validation: spec.validationSplit > 0 ? { fraction: spec.validationSplit } : undefined,
    earlyStopping:
      stopping && spec.validationSplit > 0
        ? { monitor: 'valLoss', patience: stopping.patience, minDelta: stopping.minDelta }
        : undefined,
  };
}

/**
 * The loss a spec trains with. Squared error keeps the sigmoid fused in the loss, so the model still
 * emits logits: prediction, probabilities (softmax of the logits, the same monotone order as the
 * sigmoid outputs) and the test loss read every model alike. Label smoothing is cross-entropy's only.
 */
export function trainingLoss(spec: TrainingSpec): Loss {
  return lossOf(spec) === 'mse'
    ? new MeanSquaredError({ sigmoid: true })
    : crossEntropy(spec.labelSmoothing ?? 0);
}

/** The engine's end-of-epoch report in the app's terms (epochs counted from 1). */
export function epochMetricsOf(r: EpochReport): EpochMetrics {
  return {
    epoch: r.epoch + 1,
    trainLoss: r.trainLoss,
    trainAccuracy: r.trainAccuracy,
    valLoss: r.valLoss,
    valAccuracy: r.valAccuracy,
    seconds: r.seconds,
  };
}
