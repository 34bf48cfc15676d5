// Plain data types carried across the process boundary (main ⇄ renderer, main ⇄ trainer, CLI).
// Typed arrays cross as typed arrays (Electron's structured clone; the e2e host encodes them).

import type { ReliabilityBin } from '../../engine/calibration';

/** A layer spec as the engine stores it: `{type, config}`. */
export interface LayerSpecData {
  type: string;
  config: Record<string, unknown>;
}

/** One stroke: pen samples in time order, [x, y] in any consistent unit (canvas pixels). */
export type StrokeData = [number, number][];

export type Task = 'digits' | 'letters' | 'characters' | 'custom';

export interface DatasetInfo {
  id: string;
  title: string;
  task: Task;
  classes: string[];
  /** Number of images per split (custom sets: saved samples, no fixed test split). */
  sizes: { train: number; test: number };
  provenance: string;
  /** True for the user's own sets (samples can be added, classes created). */
  custom: boolean;
  /** Samples per class, for custom sets. */
  counts?: Record<string, number>;
}

export interface ModelMetrics {
  testAccuracy?: number;
  testLoss?: number;
  /** Where the test figure came from, e.g. "mnist test split, 10,000 images". */
  evaluatedOn?: string;
}

/** Accuracy before and after fine-tuning, on one set of held-out images. */
export interface BeforeAfter {
  /** What was measured, e.g. "MNIST handwritten digits test split, first 2,000 images" or "12 held-out samples of My symbols". */
  on: string;
  count: number;
  /** The base model's accuracy (it cannot predict classes it does not have: those count as wrong). */
  before: number;
  after: number;
}

/** What a fine-tuning run did and how it changed accuracy (stored with the model). */
export interface FineTuneReport {
  baseModelId: string;
  baseModelName: string;
  /** Classes the base model did not have. */
  newClasses: string[];
  /** The base dataset's test images (the old classes); absent when there was no base dataset to test on. */
  base?: BeforeAfter;
  /** The user's held-out samples (every 5th of each class with at least 5); absent when none were held out. */
  custom?: BeforeAfter;
  /** Which layers trained: `head` (dense layers after the frozen features) or `all`. */
  layers: 'head' | 'all';
  customSamples: number;
  /** Augmented copies made of each custom training sample. */
  copies: number;
  replayed: number;
  /** The bundled dataset the replayed images came from (a later fine-tuning of this model replays it too). */
  replayedFrom?: string;
  /** Time spent fine-tuning (copies, features, training), without loading data or evaluating. */
  seconds: number;
}

/** A saved sample the trained model strongly disagrees with: likely mislabelled, worth a look. */
export interface SuspiciousSample {
  id: string;
  label: string;
  /** The model's top class and its probability. */
  predicted: string;
  confidence: number;
  /** The probability the model gives the sample's own label. */
  labelProbability: number;
}

/** The samples to review on a set: flagged by `model` when it was trained. */
export interface SuspiciousReport {
  modelId: string;
  modelName: string;
  samples: SuspiciousSample[];
}

export interface ModelSummary {
  id: string;
  name: string;
  datasetId: string;
  task: Task;
  classes: string[];
  /** Preset id (`mlp`, `lenet`, `cnn`, `recurrent`) or `custom`. */
  architecture: string;
  parameters: number;
  createdAt: string;
  metrics: ModelMetrics;
  /** Test figures beside the headline one (a recipe's `alsoEvaluated`, without the matrices). */
  alsoTested?: AlsoTested[];
  /** Before/after figures, for a fine-tuned model. */
  fineTune?: FineTuneReport;
  /** Shipped with the app (read-only). */
  builtin: boolean;
}

/** One test figure beside the headline one, as lists show it. */
export interface AlsoTested {
  label: string;
  datasetId: string;
  split: string;
  count: number;
  accuracy: number;
}

/** A model folder that could not be read, and why (it is left on disk untouched). */
export interface SkippedModel {
  id: string;
  reason: string;
}

/** Everything the renderer needs to run a model with the engine. */
export interface ModelPayload {
  summary: ModelSummary;
  /** The engine's model JSON (format, version, layers, classes, …). */
  json: Record<string, unknown>;
  /** The weights blob (little-endian float32). */
  weights: Uint8Array;
}

export interface OptimizerSpec {
  type: string;
  config: Record<string, unknown>;
}

export interface ScheduleSpec {
  type: string;
  config: Record<string, unknown>;
}

/** The losses a training spec may choose. */
export type TrainingLoss = 'cross-entropy' | 'mse';

/** A run ended by early stopping: after `epochs` epochs, keeping the weights of epoch `bestEpoch` (both from 1). */
export interface Convergence {
  epochs: number;
  bestEpoch: number;
}

/** One confidence bin of a reliability diagram (engine/calibration.ts). */
export type { ReliabilityBin };

/** What the Draw screen shows, judged against the truth on one set (app/model/calibrate.ts). */
export interface ConfidenceFigures {
  count: number;
  accuracy: number;
  top3: number;
  /** Expected calibration error of the top-class confidence (10 bins), before and after the temperature. */
  eceUncalibrated: number;
  ece: number;
  reliability: ReliabilityBin[];
  /** The share of answers shown as sure, their accuracy, and the share of mistakes shown as sure. */
  sureShare: number;
  sureAccuracy: number;
  mistakesShownSure: number;
  /** The share of real glyphs read as "not a character". */
  rejected: number;
}

/** A model's calibration: how its confidences are tempered and thresholded, and how well that holds. */
export interface CalibrationRecord {
  method: 'temperature';
  /** Every logit is divided by this before the softmax. */
  temperature: number;
  /** Top-class probability (after the temperature) at or above which an answer is shown as sure. */
  sureAbove: number;
  /** Below this top-class probability a mark reads "not a character". */
  notACharacterBelow: number;
  /** The data it was fitted on (the validation donors). */
  fittedOn: string;
  validation: ConfidenceFigures;
  /** The same figures on the test set (writers the model never saw). */
  test?: ConfidenceFigures & { on: string };
  /** Generated scribbles, lone dots, hatching and coils (a seed the model never trained on). */
  scribbles?: { count: number; readAsCharacter: number; shownSure: number };
}

/** A test figure beside the headline one (held-out pen digits beside MNIST test). */
export interface LabelledEvaluation extends Evaluation {
  label: string;
}

/** The recipe a model was trained from, and the data mix it assembled. */
export interface RecipeRecord {
  id: string;
  mix: { source: string; samples: number; repeat: number }[];
  validation: string;
}

/** A built-in recipe as the Train screen offers it (`recipes:list`). */
export interface RecipeSummary {
  id: string;
  /** The model it makes. */
  name: string;
  description: string;
  classes: number;
  /** "conv 32@5×5 → pool 2 → conv 64@5×5 → pool 2 → dense 256 → dense 10", and its size. */
  network: string;
  parameters: number;
  epochs: number;
  /** Each training source in words, its distinct images (when the data is built) and its copies per epoch. */
  mix: { source: string; images: number | null; repeat: number }[];
  /** Images seen per epoch (null when a set of the mix is not built). */
  imagesPerEpoch: number | null;
  /** The training donors kept out of training to choose epochs, temperature and threshold. */
  validationDonors: string[];
  /** The headline test set, then the figures beside it. */
  test: string;
  alsoTest: string[];
  /** Roughly how long a run takes (seconds), from the network's size and the images per epoch. */
  estimatedSeconds: number | null;
  /** The training request the recipe amounts to (`recipe` set: the core runs the recipe itself). */
  spec: TrainingSpec;
}

export interface TrainingSpec {
  /** Train from a built-in recipe (models/<id>/recipe.json): its data, network and training win. */
  recipe?: string;
  datasetId: string;
  /** A preset id, or `custom` with `layers`. */
  architecture: string;
  layers?: LayerSpecData[];
  /** Fine-tune from this model instead of starting from scratch. */
  baseModelId?: string;
  /** Fine-tuning on a custom set: train only the dense head on frozen features (default) or every layer. */
  fineTuneLayers?: 'head' | 'all';
  optimizer: OptimizerSpec;
  learningRate: number;
  schedule: ScheduleSpec;
  batchSize: number;
  epochs: number;
  augmentation: boolean;
  seed: number;
  /** Fraction of the training split held out for validation curves. */
  validationSplit: number;
  /**
   * Label smoothing ε: the training target puts 1 − ε on the true class and spreads ε over all
   * classes (0 or absent: plain one-hot). Evaluation loss is always plain cross-entropy.
   */
  labelSmoothing?: number;
  /**
   * What training minimises. `cross-entropy`: softmax cross-entropy. `mse`: the classic squared error
   * ½ Σ (actual − desired)² on sigmoid outputs. Absent: the preset's own loss (the classic preset's is
   * `mse`), else cross-entropy. The test loss is cross-entropy on the softmax of the outputs for both.
   */
  loss?: TrainingLoss;
  /** Use only the first N training images (quick runs); all when absent. */
  limit?: number;
  name?: string;
  /**
   * Threads to train on (data-parallel): `auto` (or absent) is every core where that is faster for the
   * network (CNNs), else one; a number is at most the machine's cores (`AppInfo.cores`). A seed gives the
   * same weights bit for bit for one thread count; another count gives other, equally good weights.
   */
  threads?: ThreadsSetting;
}

export type ThreadsSetting = number | 'auto';

/** The threads a job trained on, and why ("CNNs train faster on every core"). */
export interface ThreadsUsed {
  count: number;
  reason: string;
}

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  support: number;
}

export interface Misclassified {
  /** Index into the evaluated split. */
  index: number;
  label: string;
  predicted: string;
  confidence: number;
}

export interface Evaluation {
  datasetId: string;
  split: string;
  count: number;
  accuracy: number;
  loss: number;
  perClass: ClassMetrics[];
  /** confusion[true][predicted] counts. */
  confusion: number[][];
  misclassified: Misclassified[];
}

export interface EpochMetrics {
  epoch: number;
  trainLoss: number;
  trainAccuracy: number;
  valLoss?: number;
  valAccuracy?: number;
  seconds: number;
}

export type TrainingState = 'idle' | 'running' | 'paused';

export interface TrainingStatus {
  state: TrainingState;
  jobId?: string;
  spec?: TrainingSpec;
  epochs?: EpochMetrics[];
}

/** Where a job is inside its run: sent by the trainer, relayed to the renderer, shown by the Train screen. */
export interface TrainingProgress {
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
  samplesPerSecond: number;
  etaSeconds: number;
  /** Overall fraction done, 0–1. */
  fraction: number;
  /** The threads the job trains on (they can drop to one if workers fail to start). */
  threads?: ThreadsUsed;
}

/** Events from a training job, in order: started, progress*, epochEnd*, checkpoint*, then one of done/cancelled/error. */
export type TrainingEvent =
  | { type: 'started'; jobId: string; spec: TrainingSpec; trainCount: number; validationCount: number }
  | ({ type: 'progress'; jobId: string } & TrainingProgress)
  | ({ type: 'epochEnd'; jobId: string } & EpochMetrics)
  | { type: 'checkpoint'; jobId: string; epoch: number; model: ModelPayload }
  | { type: 'paused' | 'resumed'; jobId: string }
  | {
      type: 'done';
      jobId: string;
      model: ModelSummary;
      evaluation: Evaluation;
      /** Custom sets only: samples the new model strongly disagrees with (most doubtful first). */
      suspicious?: SuspiciousSample[];
      /** The threads it trained on, and why. */
      threads?: ThreadsUsed;
    }
  | { type: 'cancelled'; jobId: string }
  | {
      type: 'error';
      jobId: string;
      /** `nan` / `diverged`: the learning rate is too high (the message says what was kept and what to change). */
      kind: 'nan' | 'diverged' | 'crash' | 'invalid' | 'io';
      message: string;
    };

export interface SampleInfo {
  id: string;
  datasetId: string;
  label: string;
  createdAt: string;
  /** The 28×28 image the network sees, grey bytes (0 paper – 255 ink). */
  image: Uint8Array;
}

export interface ImportReport {
  imported: number;
  /** Files that could not be read, with the reason; nothing was written for them. */
  rejected: { file: string; reason: string }[];
}

export interface AppInfo {
  name: string;
  version: string;
  engineVersion: string;
  userDataDir: string;
  platform: string;
  /** Cores training can use (`os.availableParallelism()`): the most threads a training spec may ask for. */
  cores: number;
}

/** Commands the application menu sends to the renderer. */
export type MenuCommand = 'import-images' | 'import-model' | 'export-model' | 'show-help';
