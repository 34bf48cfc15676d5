// From the network's output to what the Draw screen shows, DOM-free: classes sorted by
// confidence, the top guess, an honest "not sure" when the network hesitates, and "not a character"
// when a calibrated model sees nothing it knows (a scribble, a dot).

import type { LiveCalibration } from './calibration';

export interface ClassScore {
  label: string;
  index: number;
  probability: number;
}

export interface Prediction {
  /** Every class, most likely first. */
  ranked: ClassScore[];
  top: ClassScore;
  /**
   * Shown as a guess, not an answer. A calibrated model: the top probability is below its `sureAbove`;
   * any other: below CONFIDENT or barely ahead of the runner-up.
   */
  notSure: boolean;
  /** A calibrated model only: the top probability is below its `notACharacterBelow` (implies notSure). */
  notACharacter: boolean;
}

/** A model without calibration: below this probability the top class is shown as a guess, not an answer. */
export const CONFIDENT = 0.6;
/** …and also when the runner-up is this close. */
export const MIN_MARGIN = 0.2;

/**
 * `probabilities`: as the model gives them (tempered already for a calibrated model, see
 * recognizer.ts); `calibration`: its thresholds, or null for today's rule.
 */
export function rankPrediction(
  probabilities: ArrayLike<number>,
  classes: readonly string[],
  calibration: Pick<LiveCalibration, 'sureAbove' | 'notACharacterBelow'> | null = null,
): Prediction | null {
  if (classes.length === 0 || probabilities.length < classes.length) return null;
  const ranked = classes
    .map((label, index) => ({ label, index, probability: probabilities[index]! }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index);
  const top = ranked[0]!;
  if (calibration) {
    const notACharacter = top.probability < calibration.notACharacterBelow;
    return { ranked, top, notSure: notACharacter || top.probability < calibration.sureAbove, notACharacter };
  }
  const second = ranked[1]?.probability ?? 0;
  return { ranked, top, notSure: isNotSure(top.probability, second), notACharacter: false };
}

/** The "Not sure" rule of a model without calibration, on the top two probabilities. */
export function isNotSure(top: number, second: number): boolean {
  return top < CONFIDENT || top - second < MIN_MARGIN;
}

/** Accuracy with one decimal: "97.3%". */
export function formatAccuracy(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}

/** "93%", "4.2%", "<0.1%". */
export function formatPercent(p: number): string {
  const pct = p * 100;
  if (pct >= 10) return `${Math.round(pct)}%`;
  if (pct >= 0.1) return `${pct.toFixed(1)}%`;
  return '<0.1%';
}
