// A model's calibration as inference reads it (the Draw screen, `glyph-lab predict` and `inspect`): the
// temperature every logit is divided by before the softmax, and the thresholds that turn the tempered
// top probability into an answer, a "Not sure" or "not a character". Read from model.json
// (`metadata.glyphLab.calibration`, written by app/model/calibrate.ts after a recipe); a model without
// one (user-trained, a checkpoint) keeps the plain softmax. Browser-safe.

import type { CalibrationRecord } from './types';

/** What live prediction needs of a CalibrationRecord. */
export type LiveCalibration = Pick<CalibrationRecord, 'temperature' | 'sureAbove' | 'notACharacterBelow'>;

function record(x: unknown): Record<string, unknown> | null {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
}

const isProbability = (x: unknown): x is number => typeof x === 'number' && x >= 0 && x <= 1;

/**
 * The calibration of an engine model.json, or null when it has none. The model card's schema checks the
 * fields when a model is loaded; an unusable record here (a hand-edited file) also gives null, so the
 * Draw screen falls back to the plain rule rather than dividing by zero.
 */
export function calibrationOf(json: Record<string, unknown>): LiveCalibration | null {
  const c = record(record(record(json.metadata)?.glyphLab)?.calibration);
  if (!c) return null;
  const { temperature, sureAbove, notACharacterBelow } = c;
  if (typeof temperature !== 'number' || !Number.isFinite(temperature) || temperature <= 0) return null;
  if (!isProbability(sureAbove) || !isProbability(notACharacterBelow)) return null;
  return { temperature, sureAbove, notACharacterBelow };
}
