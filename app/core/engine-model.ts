// The app's view of the engine's models: build one from a TrainingSpec, read and write the native
// files, extend the output layer for new classes (fine-tuning), evaluate into the app's Evaluation,
// and predict probabilities. Everything numeric is the engine's; this file only adapts shapes.

import { NORMALIZATION } from '../../datasets/normalize';
import type { Dataset } from '../../engine/batch';
import type { LayerSpec, Loss } from '../../engine/layer';
import { SoftmaxCrossEntropy } from '../../engine/losses/index';
import { evaluate } from '../../engine/metrics';
import { Sequential } from '../../engine/model';
import { exportOnnx } from '../../engine/onnx/index';
import { Recognizer } from '../../engine/predict';
import { isPresetId, PRESET_IDS, preset, type TrainingDefaults } from '../../engine/presets';
import { Rng } from '../../engine/rng';
import {
  checkModelFile,
  deserializeModel,
  MODEL_VERSION,
  parseModelFile,
  serializeModel,
} from '../../engine/serialize';
import { type ModelPlan, planModel, tooBig } from '../../engine/shape-check';
import type { ModelFiles } from '../shared/trainer-protocol';
import type { Evaluation, TrainingSpec } from '../shared/types';
import { CoreError } from './errors';

export type EngineModel = Sequential;
/** Every model the app trains takes one 28×28 grey image: [channels, height, width]. */
export const SAMPLE_SHAPE = [1, 28, 28] as const;

export const ENGINE_VERSION = `model format v${MODEL_VERSION}`;

/** Softmax cross-entropy; `labelSmoothing` ε > 0 for training targets (evaluation uses plain, ε = 0). */
export function crossEntropy(labelSmoothing = 0): Loss {
  return new SoftmaxCrossEntropy({ labelSmoothing });
}

/** A fresh model from a preset id or a layer list, for `classes` outputs, seeded by the spec. */
export function buildModel(spec: TrainingSpec, classes: number): Sequential {
  const rng = new Rng(spec.seed);
  if (spec.layers?.length) return new Sequential({ inputShape: SAMPLE_SHAPE, layers: spec.layers }, rng);
  if (!isPresetId(spec.architecture)) {
    throw new CoreError(
      'invalid',
      `unknown architecture ${JSON.stringify(spec.architecture)} (presets: ${PRESET_IDS.join(', ')})`,
    );
  }
  return new Sequential(preset(spec.architecture, { classes, inputShape: SAMPLE_SHAPE }).model, rng);
}

/** The layer list a spec trains: its own, or its preset's for `classes` outputs. */
function layersOf(spec: TrainingSpec, classes: number): readonly LayerSpec[] {
  if (spec.layers?.length) return spec.layers;
  if (!isPresetId(spec.architecture)) {
    throw new CoreError(
      'invalid',
      `unknown architecture ${JSON.stringify(spec.architecture)} (presets: ${PRESET_IDS.join(', ')})`,
    );
  }
  return preset(spec.architecture, { classes, inputShape: SAMPLE_SHAPE }).model.layers;
}

/**
 * The network a spec would build, sized by arithmetic (nothing allocated): refuses a layer list that
 * does not fit together, or that is too big to train (over 50 M parameters, or too many values held
 * per image or per batch), with the reason; returns the plan otherwise.
 */
export function checkSpecSize(spec: TrainingSpec, classes: number): ModelPlan {
  let plan: ModelPlan;
  try {
    plan = planModel(SAMPLE_SHAPE, layersOf(spec, classes));
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw new CoreError('invalid', `the network cannot be built: ${(error as Error).message}`);
  }
  const why = tooBig(plan, spec.batchSize);
  if (why) throw new CoreError('invalid', `the network is too big to train: ${why}`);
  return plan;
}

/** A preset's default training settings (optimizer, rate, schedule, batch, epochs, clip), if `architecture` is one. */
export function presetTraining(architecture: string): TrainingDefaults | undefined {
  return isPresetId(architecture)
    ? preset(architecture, { classes: 10, inputShape: SAMPLE_SHAPE }).training
    : undefined;
}

export function readModel(files: ModelFiles): Sequential {
  return deserializeModel(files.json, files.weights).model;
}

/**
 * Throws the engine's one-line reason unless model.json fits the weights' byte length, by arithmetic
 * alone (nothing read or built); returns the parameter count.
 */
export function inspectModelFile(json: Record<string, unknown>, weightsByteLength: number): number {
  return checkModelFile(json, weightsByteLength).shapes.parameters;
}

/** Throws the engine's one-line reason unless the files load; returns the parameter count. */
export function checkModel(files: ModelFiles): number {
  parseModelFile(files.json);
  return parameterCount(readModel(files));
}

export function writeModel(model: Sequential, classes: string[], metadata?: unknown): ModelFiles {
  const { json, weights } = serializeModel(model, { classes, normalization: NORMALIZATION, metadata });
  return { json: json as unknown as Record<string, unknown>, weights };
}

export function parameterCount(model: Sequential): number {
  return model.params().reduce((n, p) => n + p.value.data.length, 0);
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

/** ONNX bytes of a stored model (the engine's exporter), with class names and normalization as metadata. */
export function toOnnx(files: ModelFiles, name: string): Uint8Array {
  const { model, meta } = deserializeModel(files.json, files.weights);
  return exportOnnx(
    model,
    { classes: meta.classes, name, normalization: meta.normalization },
    { probabilities: true },
  );
}

/** The engine's evaluation, in the app's terms (labels instead of indices, matrix rows). */
export function evaluateOn(
  model: EngineModel,
  dataset: Dataset,
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

/** A loaded model that maps 28×28 inputs ([784] floats, ink = 1) to class probabilities. */
export function createPredictor(files: ModelFiles): (image: Float32Array) => Float32Array {
  const recognizer = new Recognizer(readModel(files));
  return (image) => Float32Array.from(recognizer.predict(image));
}
