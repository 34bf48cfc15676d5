// The engine behind live recognition: a model payload from main → a Recognizer that predicts
// class probabilities and saliency for one 28×28 image, in the renderer, with no IPC per stroke.

import type { ModelPayload } from '../../app/shared/types';
import {
  deserializeModel,
  Recognizer as EngineRecognizer,
  saliency,
  smoothHeatMap,
  tensor,
} from '../../engine';

export interface Recognizer {
  readonly modelId: string;
  readonly classes: readonly string[];
  /** [784] in [0, 1] → class probabilities [classes] (a fresh array). */
  predict(image: Float32Array): Float32Array;
  /** |d logit(class) / d input| per pixel scaled to [0, 1], [784]. */
  saliency(image: Float32Array, classIndex: number): Float32Array;
}

export function loadRecognizer(payload: ModelPayload): Recognizer {
  const { model, meta } = deserializeModel(payload.json, payload.weights);
  const engine = new EngineRecognizer(model);
  const classes = meta.classes.length > 0 ? meta.classes : payload.summary.classes;
  return {
    modelId: payload.summary.id,
    classes,
    // The engine reuses its output buffer: copy, the UI keeps results across frames.
    predict: (image) => Float32Array.from(engine.predict(image)),
    saliency: (image, classIndex) =>
      smoothHeatMap(saliency(model, tensor([1, ...model.inputShape], Float32Array.from(image)), classIndex))
        .data,
  };
}
