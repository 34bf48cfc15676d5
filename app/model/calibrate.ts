// Honest confidence for a trained model: the temperature that calibrates it on the validation donors,
// the "sure" threshold that shows a chosen share of their answers as answers (the rest "Not sure"), the
// floor below which a mark is "not a character", and the figures that say how well it all holds on
// writers the model never saw and on generated scribbles. Used by the trainer after a recipe and by
// the bench. Node or browser (no I/O).

import type { Dataset } from '../../engine/batch';
import { fitTemperature, reliability, softmaxTempered } from '../../engine/calibration';
import { type Predictor, predictLogits } from '../../engine/metrics';
import type { CalibrationRecord, ConfidenceFigures } from '../shared/types';

export type { CalibrationRecord, ConfidenceFigures };

interface Tops {
  top: Float32Array;
  pred: Int32Array;
  rank: Int32Array;
}

function topsOf(probabilities: Float32Array, labels: Int32Array | null, rows: number, cols: number): Tops {
  const top = new Float32Array(rows);
  const pred = new Int32Array(rows);
  const rank = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let best = 0;
    for (let c = 1; c < cols; c++)
      if (probabilities[r * cols + c]! > probabilities[r * cols + best]!) best = c;
    top[r] = probabilities[r * cols + best]!;
    pred[r] = best;
    if (labels) {
      const p = probabilities[r * cols + labels[r]!]!;
      let k = 1;
      for (let c = 0; c < cols; c++) if (probabilities[r * cols + c]! > p) k++;
      rank[r] = k;
    }
  }
  return { top, pred, rank };
}

/** The figures for `logits` of a labelled set under a temperature and thresholds. */
export function confidenceFigures(
  logits: Float32Array,
  labels: Int32Array,
  cols: number,
  c: Pick<CalibrationRecord, 'temperature' | 'sureAbove' | 'notACharacterBelow'>,
): ConfidenceFigures {
  const n = labels.length;
  const raw = topsOf(softmaxTempered(logits, n, cols, 1), labels, n, cols);
  const cal = topsOf(softmaxTempered(logits, n, cols, c.temperature), labels, n, cols);
  const right = Array.from(cal.pred, (p, i) => p === labels[i]);
  let top3 = 0;
  let sure = 0;
  let sureRight = 0;
  let mistakes = 0;
  let mistakesSure = 0;
  let rejected = 0;
  for (let i = 0; i < n; i++) {
    if (cal.rank[i]! <= 3) top3++;
    const isSure = cal.top[i]! >= c.sureAbove;
    if (cal.top[i]! < c.notACharacterBelow) rejected++;
    if (isSure) sure++;
    if (isSure && right[i]) sureRight++;
    if (!right[i]) {
      mistakes++;
      if (isSure) mistakesSure++;
    }
  }
  const after = reliability(cal.top, right);
  return {
    count: n,
    accuracy: n ? right.filter(Boolean).length / n : 0,
    top3: n ? top3 / n : 0,
    eceUncalibrated: reliability(raw.top, right).ece,
    ece: after.ece,
    reliability: after.bins,
    sureShare: n ? sure / n : 0,
    sureAccuracy: sure ? sureRight / sure : 0,
    mistakesShownSure: mistakes ? mistakesSure / mistakes : 0,
    rejected: n ? rejected / n : 0,
  };
}

/** The value below which `share` of `values` lie (nearest rank). */
function quantile(values: Float32Array, share: number): number {
  const sorted = Float32Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.floor(share * sorted.length)))]!;
}

/** Share of the glyphs the thresholds reject as "not a character" on the validation donors (at most). */
const REJECT_SHARE = 0.01;

/**
 * Fits the temperature on the validation set, then the "sure" threshold that shows `sureShare` of its
 * answers as sure, and the "not a character" floor that rejects at most 1 % of its real glyphs.
 */
export function calibrate(
  model: Predictor,
  validation: Dataset,
  cols: number,
  sureShare: number,
  fittedOn: string,
): CalibrationRecord {
  const logits = predictLogits(model, validation);
  const labels = Int32Array.from(validation.labels);
  const n = labels.length;
  const temperature = fitTemperature(logits, labels, cols);
  const tops = topsOf(softmaxTempered(logits, n, cols, temperature), null, n, cols);
  const sureAbove = quantile(tops.top, 1 - sureShare);
  const notACharacterBelow = Math.min(sureAbove, quantile(tops.top, REJECT_SHARE));
  const thresholds = { temperature, sureAbove, notACharacterBelow };
  return {
    method: 'temperature',
    ...thresholds,
    fittedOn,
    validation: confidenceFigures(logits, labels, cols, thresholds),
  };
}

/** The test set's figures under the calibration fitted on validation. */
export function testCalibration(
  model: Predictor,
  test: Dataset,
  cols: number,
  c: CalibrationRecord,
  on: string,
): ConfidenceFigures & { on: string } {
  return { on, ...confidenceFigures(predictLogits(model, test), Int32Array.from(test.labels), cols, c) };
}

/** How often marks that are no character are read as one, and shown as a sure one. */
export function scribbleFigures(
  model: Predictor,
  images: Float32Array,
  cols: number,
  c: Pick<CalibrationRecord, 'temperature' | 'sureAbove' | 'notACharacterBelow'>,
): { count: number; readAsCharacter: number; shownSure: number } {
  const n = images.length / 784;
  const logits = predictLogits(model, { images, labels: new Int32Array(n), sampleShape: [1, 28, 28] });
  const tops = topsOf(softmaxTempered(logits, n, cols, c.temperature), null, n, cols);
  let read = 0;
  let sure = 0;
  for (const t of tops.top) {
    if (t >= c.notACharacterBelow) read++;
    if (t >= c.sureAbove) sure++;
  }
  return { count: n, readAsCharacter: n ? read / n : 0, shownSure: n ? sure / n : 0 };
}
