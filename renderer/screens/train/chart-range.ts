// Axis ranges for the training curves, DOM-free: the accuracy axis fitted to the figures (92 % and
// 95 % must not be flat lines under a 100 % ceiling) and whole-epoch x axes.

/** The accuracy axis never spans less than this (5 points), so noise is not blown up into a cliff. */
export const MIN_ACCURACY_SPAN = 0.05;

/**
 * [lo, hi] within [0, 1] around the finite values, padded by a tenth of their span on each side
 * and widened (about their middle, then shifted inside [0, 1]) to at least `minSpan`.
 * No values: the whole 0–1 range.
 */
export function fitAccuracyRange(
  values: readonly (number | null | undefined)[],
  minSpan = MIN_ACCURACY_SPAN,
): [number, number] {
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return [0, 1];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const pad = (max - min) * 0.1;
  let lo = min - pad;
  let hi = max + pad;
  if (hi - lo < minSpan) {
    const mid = (lo + hi) / 2;
    lo = mid - minSpan / 2;
    hi = mid + minSpan / 2;
  }
  if (lo < 0) [lo, hi] = [0, Math.min(1, hi - lo)];
  if (hi > 1) [lo, hi] = [Math.max(0, lo - (hi - 1)), 1];
  // Round outwards to whole percent so the tick labels read cleanly.
  return [Math.floor(lo * 100) / 100, Math.ceil(hi * 100) / 100];
}

/** The epoch axis: 0 to the run's epoch count (or the last epoch seen, if more), at least 1. */
export function epochRange(plannedEpochs: number | undefined, lastSeen: number): [number, number] {
  return [0, Math.max(1, plannedEpochs ?? 0, Math.ceil(lastSeen))];
}

/** Tick steps for an epoch axis: whole numbers only. */
export const EPOCH_INCREMENTS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];
