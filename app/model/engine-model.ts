// The app's view of the engine's models, shared by main (app/core) and the trainer: a spec's layer
// list, the native files read and written, evaluation into the app's Evaluation, and probabilities.
// Everything numeric is the engine's; this file only adapts shapes. What only the trainer does
// (build, grow the output layer) is in app/trainer/build-model.ts; the file checks and export
// formats only main uses are in app/core/model-codec.ts.

import { NORMALIZATION } from '../../datasets/normalize';
import type { AnyDataset } from '../../engine/batch';
import { softmaxTempered } from '../../engine/calibration';
import type { LayerSpec, Loss } from '../../engine/layer';
import { SoftmaxCrossEntropy } from '../../engine/losses/index';
import { evaluate } from '../../engine/metrics';
import type { Sequential } from '../../engine/model';
import { Recognizer } from '../../engine/predict';
import { isPresetId, PRESET_IDS, preset, type TrainingDefaults } from '../../engine/presets';
import { deserializeModel, serializeModel } from '../../engine/serialize';
import { calibrationOf } from '../shared/calibration';
import { CoreError } from '../shared/errors';
import type { ModelFiles } from '../shared/trainer-protocol';
import type { Evaluation, TrainingLoss, TrainingSpec } from '../shared/types';

export type EngineModel = Sequential;
/** Every model the app trains takes one 28×28 grey image: [channels, height, width]. */
export const SAMPLE_SHAPE = [1, 28, 28] as const;

/** Softmax cross-entropy; `labelSmoothing` ε > 0 for training targets (evaluation uses plain, ε = 0). */
export function crossEntropy(labelSmoothing = 0): Loss {
  return new SoftmaxCrossEntropy({ labelSmoothing });
}

/** The layer list a spec trains: its own, or its preset's for `classes` outputs. */
export function layersOf(spec: TrainingSpec, classes: number): readonly LayerSpec[] {
  if (spec.layers?.length) return spec.layers;
  if (!isPresetId(spec.architecture)) {
    throw new CoreError(
      'invalid',
      `unknown architecture ${JSON.stringify(spec.architecture)} (presets: ${PRESET_IDS.join(', ')})`,
    );
  }
  return preset(spec.architecture, { classes, inputShape: SAMPLE_SHAPE }).model.layers;
}

/** A preset's default training settings (optimizer, rate, schedule, batch, epochs, clip), if `architecture` is one. */
export function presetTraining(architecture: string): TrainingDefaults | undefined {
  return isPresetId(architecture)
    ? preset(architecture, { classes: 10, inputShape: SAMPLE_SHAPE }).training
    : undefined;
}

/**
 * The loss a spec trains with: its own, else its preset's (the classic preset's squared error), else
 * cross-entropy. A layer list of the user's takes no preset default.
 */
export function lossOf(spec: Pick<TrainingSpec, 'loss' | 'architecture' | 'layers'>): TrainingLoss {
  if (spec.loss) return spec.loss;
  if (spec.layers?.length) return 'cross-entropy';
  return presetLoss(spec.architecture);
}

/** A preset's own loss in the contract's terms; cross-entropy for anything else. */
export function presetLoss(architecture: string): TrainingLoss {
  return presetTraining(architecture)?.loss?.type === 'meanSquaredError' ? 'mse' : 'cross-entropy';
}

/** How a model card and the CLI name a loss. */
export const LOSS_NAMES: Record<TrainingLoss, string> = {
  'cross-entropy': 'softmax cross-entropy',
  mse: 'mean squared error on sigmoid outputs',
};

export function readModel(files: ModelFiles): Sequential {
  return deserializeModel(files.json, files.weights).model;
}

export function writeModel(model: Sequential, classes: string[], metadata?: unknown): ModelFiles {
  const { json, weights } = serializeModel(model, { classes, normalization: NORMALIZATION, metadata });
  return { json: json as unknown as Record<string, unknown>, weights };
}

export function parameterCount(model: Sequential): number {
  return model.params().reduce((n, p) => n + p.value.data.length, 0);
}

/** The engine's evaluation, in the app's terms (labels instead of indices, matrix rows). */
export function evaluateOn(
  model: EngineModel,
  dataset: AnyDataset,
  classes: string[],
  datasetId: string,
  split: string,
): Evaluation {
  const n = classes.length;
  const e = evaluate(model, dataset, { numClasses: n, loss: crossEntropy(), maxMisclassified: 500 });
  const confusion = Array.from({ length: n }, (_, r) => Array.from(e.confusion.subarray(r * n, (r + 1) * n)));
  return {
    datasetId,
    split,
    count: e.count,
    accuracy: e.accuracy,
    loss: e.loss ?? Number.NaN,
    perClass: e.perClass.map((c, i) => ({
      label: classes[i]!,
      precision: c.precision,
      recall: c.recall,
      support: c.support,
    })),
    confusion,
    misclassified: e.misclassified.map((m) => ({
      index: m.index,
      label: classes[m.actual]!,
      predicted: classes[m.predicted]!,
      confidence: m.confidence,
    })),
  };
}

/**
 * A loaded model that maps 28×28 inputs ([784] floats, ink = 1) to class probabilities: tempered by
 * the model's calibration when it has one (a recipe-trained model), plain softmax otherwise.
 */
export function createPredictor(files: ModelFiles): (image: Float32Array) => Float32Array {
  const recognizer = new Recognizer(readModel(files));
  const temperature = calibrationOf(files.json)?.temperature ?? 1;
  return (image) => {
    recognizer.predict(image);
    return softmaxTempered(recognizer.logits, 1, recognizer.logits.length, temperature);
  };
}
