// Convergence by early stopping (Prechelt 1998, "Early Stopping — But When?",
// https://doi.org/10.1007/3-540-49430-8_3): training has converged when the validation error has not
// improved by more than `minDelta` for `patience` epochs; the weights to keep are the best epoch's.
// A pure rule over the per-epoch errors so far: the "classic" preset's "until the output converges".
// train() (engine/train.ts) judges TrainOptions.earlyStopping with this rule after every epoch.

export interface EarlyStoppingRule {
  /** Epochs without an improvement larger than `minDelta` before stopping: an integer ≥ 1. */
  readonly patience: number;
  /** How much lower than the best so far an error must be to count as an improvement (≥ 0). */
  readonly minDelta: number;
}

/** The defaults of TrainOptions.earlyStopping in engine/train.ts. */
export const EARLY_STOPPING_DEFAULTS: EarlyStoppingRule = { patience: 5, minDelta: 1e-4 };

export interface Convergence {
  /** Stop now: the last `patience` epochs brought no improvement. */
  readonly stop: boolean;
  /** Index of the best epoch (the one whose weights to keep), −1 before any improvement. */
  readonly bestEpoch: number;
  /** Its error (Infinity before any improvement). */
  readonly bestError: number;
  /** Epochs since the best one (all of them before any improvement). */
  readonly epochsSinceBest: number;
}

/**
 * The rule applied to the validation errors of the epochs so far, `errors[e]` after epoch e. An error
 * that is NaN never counts as an improvement, so a run whose error turned NaN stops after `patience`.
 */
export function convergence(errors: readonly number[], rule: Partial<EarlyStoppingRule> = {}): Convergence {
  const { patience, minDelta } = { ...EARLY_STOPPING_DEFAULTS, ...rule };
  if (!(Number.isInteger(patience) && patience >= 1)) {
    throw new Error(`early stopping: patience must be an integer ≥ 1, got ${patience}`);
  }
  if (!(minDelta >= 0 && Number.isFinite(minDelta))) {
    throw new Error(`early stopping: minDelta must be a finite number ≥ 0, got ${minDelta}`);
  }
  let bestEpoch = -1;
  let bestError = Number.POSITIVE_INFINITY;
  errors.forEach((error, epoch) => {
    if (error < bestError - minDelta) {
      bestError = error;
      bestEpoch = epoch;
    }
  });
  const epochsSinceBest = errors.length - 1 - bestEpoch;
  return { stop: epochsSinceBest >= patience, bestEpoch, bestError, epochsSinceBest };
}
