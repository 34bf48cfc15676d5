// The engine behind live recognition: a model payload from main → a Recognizer that predicts
// class probabilities and saliency for one 28×28 image, in the renderer, with no IPC per stroke. A
// calibrated model's probabilities are softmax(logits / temperature), as its card reports them.

import type { ModelPayload } from '../../app/shared/types';
import {
  deserializeModel,
  Recognizer as EngineRecognizer,
  type Inspection,
  inspect,
  saliency,
  smoothHeatMap,
  tensor,
} from '../../engine';
import { calibrationOf, type LiveCalibration, temperedProbabilities } from './calibration';
import { type InspectSettings, inspectSettings } from './inspect-settings';

export interface Recognizer {
  readonly modelId: string;
  readonly classes: readonly string[];
  /** The temperature and thresholds of a calibrated model; null: plain softmax, today's "Not sure" rule. */
  readonly calibration: LiveCalibration | null;
  /** [784] in [0, 1] → class probabilities [classes] (a fresh array), tempered when calibrated. */
  predict(image: Float32Array): Float32Array;
  /** |d logit(class) / d input| per pixel scaled to [0, 1], [784]. */
  saliency(image: Float32Array, classIndex: number): Float32Array;
  /** The loss and learning rate `inspect` runs the backward pass with: the model's own training's. */
  readonly inspectSettings: InspectSettings;
  /** Inside the network for one image (engine/inspect.ts); with a target class, its backward pass. */
  inspect(image: Float32Array, target?: number): Inspection;
}

export function loadRecognizer(payload: ModelPayload): Recognizer {
  const { model, meta } = deserializeModel(payload.json, payload.weights);
  const engine = new EngineRecognizer(model);
  const classes = meta.classes.length > 0 ? meta.classes : payload.summary.classes;
  const calibration = calibrationOf(payload.json);
  const settings = inspectSettings(payload.json, payload.summary.architecture);
  return {
    modelId: payload.summary.id,
    classes,
    calibration,
    // The engine reuses its output buffers: copy (temperedProbabilities makes a fresh array), the UI
    // keeps results across frames.
    predict: (image) => {
      const probabilities = engine.predict(image);
      return calibration
        ? temperedProbabilities(engine.logits, calibration.temperature)
        : Float32Array.from(probabilities);
    },
    saliency: (image, classIndex) =>
      smoothHeatMap(saliency(model, tensor([1, ...model.inputShape], Float32Array.from(image)), classIndex))
        .data,
    inspectSettings: settings,
    inspect: (image, target) =>
      inspect(model, image, { target, loss: settings.lossSpec, learningRate: settings.learningRate }),
  };
}
