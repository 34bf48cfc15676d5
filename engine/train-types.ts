// The training loop's vocabulary: what it needs of a model, its options, and what it reports.

import type { Dataset } from './batch';
import type { DivergenceOptions } from './divergence';
import type { LayerSpec, Loss, Optimizer } from './layer';
import type { Predictor } from './metrics';
import type { ParallelOptions } from './parallel/data-parallel';
import type { Rng } from './rng';
import type { ScheduleSpec } from './schedules/index';
import type { Param, Tensor } from './tensor';
import type { AbortSignalLike, PauseGate } from './train-control';

/** What training needs of a model; `Sequential` fits. */
export interface TrainableModel extends Predictor {
  backward(dOut: Tensor): unknown;
  params(): Param[];
  state?(): Tensor[];
  /** When present, layers that report warnings (fixed points that did not converge) are polled. */
  readonly layers?: readonly unknown[];
}

export interface EarlyStoppingOptions {
  /** Which loss to watch. Default: validation loss when there is validation data, else training loss. */
  readonly monitor?: 'valLoss' | 'trainLoss';
  /** Epochs without an improvement larger than `minDelta` before stopping. Default 5. */
  readonly patience?: number;
  readonly minDelta?: number;
  /** Converged: stop once the watched loss is at or below this. */
  readonly targetLoss?: number;
  /** Converged: stop once the accuracy (validation if any, else training) reaches this. */
  readonly targetAccuracy?: number;
  /** On a plateau, put back the weights of the best epoch. Default true. */
  readonly restoreBest?: boolean;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly batchSize: number;
  /** Peak learning rate; the schedule scales from it. */
  readonly learningRate: number;
  readonly optimizer: Optimizer | LayerSpec;
  /** Default constant. */
  readonly schedule?: ScheduleSpec;
  /** A loss, or its spec for the loss registry. Default softmax cross-entropy on logits. */
  readonly loss?: Loss | LayerSpec;
  /** Clip gradients to this global L2 norm before each step. */
  readonly clipNorm?: number;
  /** Seeds shuffling, the validation split, dropout and augmentation. Default 1. */
  readonly seed?: number;
  /** A separate validation set, or the fraction of the training set to hold out. */
  readonly validation?: Dataset | { readonly fraction: number };
  /** Changes a batch of images in place (or returns a new tensor); called with the batch [n, ...shape]. */
  readonly augment?: (images: Tensor, rng: Rng) => Tensor | undefined;
  readonly earlyStopping?: EarlyStoppingOptions;
  /**
   * When a finite loss counts as divergence (divergence.ts): a running loss far above its start, or
   * chance accuracy after a blow-up. Default on with DIVERGENCE_DEFAULTS; `false` stops on NaN/Inf only.
   */
  readonly divergence?: DivergenceOptions | false;
  readonly signal?: AbortSignalLike;
  readonly pause?: PauseGate;
  readonly onBatchEnd?: (report: BatchReport) => void;
  /** Awaited: a caller may send a checkpoint before the next epoch starts. */
  readonly onEpochEnd?: (report: EpochReport) => void | Promise<void>;
  readonly onWarning?: (message: string) => void;
  /** Longest time between yields to the event loop, in ms. Default 25. */
  readonly yieldEveryMs?: number;
  /**
   * Data-parallel on `parallel.threads` threads (engine/parallel/data-parallel.ts): a shard of each
   * batch runs in each worker the host starts with `spawn`. Default: absent, one thread. Either way a
   * seed gives the same weights bit for bit for a given thread count (not across thread counts).
   * Models it cannot split (batch norm, non-Sequential) train on one thread and `onWarning` says why.
   */
  readonly parallel?: ParallelOptions;
}

export interface BatchReport {
  readonly epoch: number;
  readonly batch: number;
  readonly batches: number;
  /** Optimizer steps taken so far, this one included. */
  readonly step: number;
  readonly loss: number;
  readonly learningRate: number;
  /** Global gradient norm before clipping. */
  readonly gradNorm: number;
  /** Training throughput over this epoch so far (paused time excluded). */
  readonly samplesPerSecond: number;
}

export interface EpochReport {
  readonly epoch: number;
  readonly trainLoss: number;
  /** Accuracy on the training batches as they were trained (training mode: dropout on). */
  readonly trainAccuracy: number;
  readonly valLoss?: number;
  readonly valAccuracy?: number;
  /** Learning rate of the epoch's last step. */
  readonly learningRate: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
  readonly warnings: readonly string[];
}

export interface Divergence {
  readonly epoch: number;
  readonly batch: number;
  readonly step: number;
  /** A non-finite loss or gradient, the running loss past its bound, or accuracy at chance at an epoch end. */
  readonly quantity: 'loss' | 'gradient' | 'runningLoss' | 'accuracy';
  /** The parameter whose gradient was not finite, for quantity 'gradient'. */
  readonly param?: string;
  /** The batch loss, gradient or accuracy that tripped the check. */
  readonly value: number;
  /** The model now holds the weights after this many epochs (0: the initial weights). */
  readonly restoredEpochs: number;
  /** What went wrong, without where ("the running loss reached 1.4e+4, more than 10× its start (2.34)"). */
  readonly reason: string;
  /** Where, what, and which weights were put back. */
  readonly message: string;
}

export type TrainStatus = 'completed' | 'converged' | 'plateau' | 'cancelled' | 'diverged';

export interface TrainingRecord {
  readonly epochs: readonly EpochReport[];
  /** Optimizer steps taken, including those of an epoch cut short. */
  readonly steps: number;
  /** Samples, training seconds (pauses excluded) and throughput: over completed epochs. */
  readonly samples: number;
  readonly seconds: number;
  readonly samplesPerSecond: number;
  /** Index into `epochs` of the best watched loss (-1 if no epoch finished). */
  readonly bestEpoch: number;
  readonly seed: number;
}

export interface TrainResult {
  readonly status: TrainStatus;
  readonly record: TrainingRecord;
  /** Set when status is 'diverged': which batch, which value. The last healthy epoch's weights are restored. */
  readonly divergence?: Divergence;
}
