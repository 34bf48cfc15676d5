// A calibrated model's live confidence: the calibration as app/shared/calibration.ts reads it from
// model.json, and the tempered softmax of one prediction. DOM-free.

import { softmaxTempered } from '../../engine/calibration';

export { calibrationOf, type LiveCalibration } from '../../app/shared/calibration';

/** softmax(logits / temperature) of one sample's logits [classes], a fresh array. */
export function temperedProbabilities(logits: Float32Array, temperature: number): Float32Array {
  return softmaxTempered(logits, 1, logits.length, temperature);
}
