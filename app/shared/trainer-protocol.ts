// The protocol between app/core (main, CLI, e2e host) and the trainer process.
// Messages cross by structured clone (Electron's utilityProcess, Node's fork with
// `serialization: 'advanced'`), so typed arrays travel as typed arrays.

import type { Recipe } from './recipe';
import type {
  CalibrationRecord,
  Convergence,
  EpochMetrics,
  Evaluation,
  FineTuneReport,
  LabelledEvaluation,
  RecipeRecord,
  SuspiciousSample,
  ThreadsUsed,
  TrainingProgress,
  TrainingSpec,
} from './types';

/** A model as files: the engine's model JSON and its weights blob (little-endian float32). */
export interface ModelFiles {
  json: Record<string, unknown>;
  weights: Uint8Array;
}

/** Where the trainer reads its data from: it loads it itself (no 47 MB over the pipe). */
export type TrainerData =
  /** A bundled dataset (`mnist`, `letters`) read by the datasets loader from `dataDir`. */
  | { kind: 'bundled'; datasetId: string; dataDir: string }
  /** A custom dataset: the image folder `<dir>/<labelFolder>/<id>.png`, labels in `classes`. */
  | { kind: 'folder'; datasetId: string; dir: string; classes: string[]; folders: string[] };

export interface TrainJob {
  type: 'train';
  jobId: string;
  spec: TrainingSpec;
  data: TrainerData;
  /** Fine-tuning: the base model, and optionally a bundled dataset to replay a sample of. */
  base?: ModelFiles;
  replay?: { data: TrainerData; count: number };
  /** The base model's id and name, and the custom set's title, for the fine-tuning report. */
  baseInfo?: { id: string; name: string; datasetTitle?: string };
  /** Fraction of a custom set held out for the final test evaluation (bundled sets use their test split). */
  testFraction: number;
  /** Progress messages at most this often (ms). */
  progressIntervalMs: number;
  /** A built-in recipe: the trainer assembles its data mix and calibrates the result. */
  recipe?: Recipe;
  /** Where the bundled sets are built (the recipe's sources are read from there). */
  dataDir?: string;
}

/** What was trained on: image counts and original images per class. */
export interface TrainingDataSummary {
  /** Images trained on per epoch (after the validation hold-out; copies and replay included). */
  trainImages: number;
  validationImages: number;
  /** Held-out test images the evaluation used. */
  testImages: number;
  /** Original (not augmented) training images per class, replay included. */
  perClass: Record<string, number>;
}

/**
 * What a finished run reports beyond the model and its headline evaluation. The app keeps it in the
 * model's metadata as it came (app/core/model-meta.ts), for the model card.
 */
export interface RunReport {
  /** Fine-tuning: what was done and the before/after figures. */
  fineTune?: FineTuneReport;
  /** Custom sets: samples the trained model strongly disagrees with. */
  suspicious?: SuspiciousSample[];
  /** Recipes: temperature and thresholds for honest confidence, with the figures behind them. */
  calibration?: CalibrationRecord;
  /** Recipes: test figures beside the headline one. */
  alsoEvaluated?: LabelledEvaluation[];
  /** The built-in recipe that trained it, with its data mix. */
  recipe?: RecipeRecord;
  data: TrainingDataSummary;
}

/** core → trainer */
export type TrainerIn = TrainJob | { type: 'pause' } | { type: 'resume' } | { type: 'cancel' };

/** trainer → core */
export type TrainerOut =
  | { type: 'ready'; pid: number }
  | { type: 'started'; jobId: string; trainCount: number; validationCount: number; testCount: number }
  | ({ type: 'progress'; jobId: string } & TrainingProgress)
  | { type: 'epochEnd'; jobId: string; metrics: EpochMetrics }
  | { type: 'checkpoint'; jobId: string; epoch: number; model: ModelFiles }
  | { type: 'paused' | 'resumed'; jobId: string }
  | ({
      type: 'done';
      jobId: string;
      model: ModelFiles;
      evaluation: Evaluation;
      history: EpochMetrics[];
      /** Set when early stopping ended the run (the validation error stopped improving). */
      converged?: Convergence;
      seconds: number;
      /** Total parameter count of the trained model. */
      parameters: number;
      /** The threads it trained on, and why. */
      threads: ThreadsUsed;
    } & RunReport)
  | { type: 'cancelled'; jobId: string }
  | {
      type: 'error';
      jobId: string;
      /** `nan`: a loss or gradient became NaN/Infinity; `diverged`: a finite blow-up (divergence.ts). */
      kind: 'nan' | 'diverged' | 'invalid' | 'io';
      message: string;
      /** After a divergence: the weights of the last healthy epoch end, if one ended, and which epoch. */
      lastGood?: ModelFiles;
      lastGoodEpoch?: number;
    };

/** A running trainer process, whatever spawned it (utilityProcess.fork, child_process.fork). */
export interface TrainerHandle {
  postMessage(message: TrainerIn): void;
  onMessage(callback: (message: TrainerOut) => void): void;
  onExit(callback: (code: number | null) => void): void;
  kill(): void;
}

/** Start a fresh trainer process. */
export type SpawnTrainer = () => TrainerHandle;
