// Ready-made networks a person picks by name: each a model spec plus default training settings.
// Ids are stable (saved models and the CLI refer to them); every preset takes the number of classes
// (digits 10, letters 26, a custom set N) and the input shape [channels, height, width].

import type { EarlyStoppingRule } from './early-stopping';
import { type LayerSpec, layerSpec as layer } from './layer';
import type { ModelSpec } from './model';
import type { OptimizerSpec } from './optimizers/index';
import './recurrent/index'; // registers the 'fixedPoint' layer the recurrent preset uses
import type { ScheduleSpec } from './schedules/index';

export const PRESET_IDS = ['mlp', 'lenet', 'cnn', 'recurrent', 'classic'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface TrainingDefaults {
  readonly optimizer: OptimizerSpec;
  /** Peak learning rate, shaped by `schedule`. */
  readonly learningRate: number;
  readonly schedule: ScheduleSpec;
  readonly batchSize: number;
  readonly epochs: number;
  /** Whether the bundled training sets are augmented (affine + elastic) batch by batch. */
  readonly augment: boolean;
  /** Global gradient-norm clip, when the network needs one. */
  readonly clipNorm?: number;
  /** The loss to train with, for the loss registry; absent: softmax cross-entropy. */
  readonly loss?: LayerSpec;
  /**
   * Train until the validation error stops improving (engine/early-stopping.ts); `epochs` is then an
   * upper bound only. Absent: train for `epochs`.
   */
  readonly earlyStopping?: EarlyStoppingRule;
}

export interface Preset {
  readonly id: PresetId;
  /** Short name for a menu. */
  readonly name: string;
  /** One or two sentences a person can choose by: size, speed, accuracy. */
  readonly description: string;
  /** What `Sequential` is built from. */
  readonly model: ModelSpec;
  readonly training: TrainingDefaults;
}

export interface PresetInput {
  readonly classes: number;
  /** [channels, height, width]; default [1, 28, 28]. */
  readonly inputShape?: readonly number[];
}

const relu = () => layer('relu');
const sigmoid = () => layer('sigmoid');
/** Dense, then ReLU. */
const denseRelu = (units: number) => [layer('dense', { units }), relu()];
/** A 5×5 convolution, ReLU and 2×2 max pooling: LeNet's stage, which halves the image. */
const convStage = (filters: number) => [
  layer('conv2d', { filters, kernelSize: 5 }),
  relu(),
  layer('maxpool2d', { poolSize: 2 }),
];
/**
 * LeNet's layout: two convolution stages of `first` and `second` filters, a 128-unit ReLU layer, then
 * `head` (dropout, say) before the class scores.
 */
const lenetLayers = (first: number, second: number, classes: number, head: LayerSpec[] = []) => [
  ...convStage(first),
  ...convStage(second),
  layer('flatten'),
  ...denseRelu(128),
  ...head,
  layer('dense', { units: classes }),
];
/** SGD with momentum under a cosine schedule: the plain networks' settings. */
const momentumCosine = (epochs: number): TrainingDefaults => ({
  optimizer: { type: 'momentum', config: { momentum: 0.9, weightDecay: 1e-4 } },
  learningRate: 0.05,
  schedule: { type: 'cosine', config: { minFactor: 0.01 } },
  batchSize: 64,
  epochs,
  augment: false,
});

type Builder = (classes: number, inputShape: readonly number[]) => Omit<Preset, 'id'>;

const builders: Record<PresetId, Builder> = {
  mlp: (classes, inputShape) => ({
    name: 'Multilayer perceptron',
    description:
      'Two hidden layers (256 and 128 units). The fastest to train (a few minutes); 98.3 % on MNIST digits.',
    model: {
      inputShape,
      layers: [layer('flatten'), ...denseRelu(256), ...denseRelu(128), layer('dense', { units: classes })],
    },
    training: momentumCosine(10),
  }),
  lenet: (classes, inputShape) => ({
    name: 'LeNet',
    description:
      'The classic small convolutional network (two 5×5 convolutions with pooling): more accurate than the perceptron, slower to train.',
    model: {
      inputShape,
      layers: lenetLayers(8, 16, classes),
    },
    training: momentumCosine(8),
  }),
  cnn: (classes, inputShape) => ({
    name: 'Convolutional network (best)',
    description:
      'A wider LeNet (12 and 24 filters) with dropout, trained on augmented images with a one-cycle schedule. The most accurate (99.4 % on MNIST digits) and the slowest to train.',
    model: {
      inputShape,
      // NOTE: sized for 2 CPU cores. 16/32 filters with batch norm trained several times slower
      // (docs/experiments/2026-11-24-preset-accuracy.md) for little to gain on 28×28 glyphs; dropout
      // and augmentation regularise.
      layers: lenetLayers(12, 24, classes, [layer('dropout', { rate: 0.25 })]),
    },
    training: {
      optimizer: { type: 'adamw', config: { weightDecay: 1e-4 } },
      learningRate: 3e-3,
      schedule: { type: 'oneCycle', config: { pctStart: 0.2 } },
      batchSize: 64,
      epochs: 8,
      augment: true,
    },
  }),
  recurrent: (classes, inputShape) => ({
    name: 'Fixed-point recurrent network',
    description:
      'A dense front end feeding a recurrent layer that settles to an equilibrium, trained by recurrent backpropagation (Almeida–Pineda).',
    model: {
      inputShape,
      layers: [
        layer('flatten'),
        ...denseRelu(256),
        layer('fixedPoint', {
          units: 128,
          activation: 'tanh',
          spectralRadius: 0.5,
          tolerance: 1e-4,
          maxIterations: 60,
        }),
        layer('dense', { units: classes }),
      ],
    },
    training: {
      optimizer: { type: 'adam', config: { weightDecay: 0 } },
      learningRate: 1e-3,
      schedule: { type: 'cosine', config: { minFactor: 0.05 } },
      batchSize: 64,
      epochs: 5,
      augment: false,
      clipNorm: 5,
    },
  }),
  classic: (classes, inputShape) => ({
    name: 'Classic backpropagation',
    description:
      'The textbook algorithm as written: 100 sigmoid hidden units and sigmoid outputs, squared error, plain SGD at a fixed rate from random weights, until the validation error stops improving.',
    model: {
      inputShape,
      // The output units' sigmoid is inside the loss (meanSquaredError with sigmoid), as softmax is
      // inside cross-entropy: the model emits logits, so prediction reads it like every other preset.
      layers: [
        layer('flatten'),
        layer('dense', { units: 100 }),
        sigmoid(),
        layer('dense', { units: classes }),
      ],
    },
    training: {
      optimizer: { type: 'sgd', config: {} },
      learningRate: 3,
      schedule: { type: 'constant', config: {} },
      batchSize: 10,
      // An upper bound: early stopping ends the run when the validation error has converged (12
      // epochs on all of MNIST, docs/benchmarks.md; more on a small set, whose epochs are short).
      epochs: 50,
      augment: false,
      loss: { type: 'meanSquaredError', config: { sigmoid: true } },
      earlyStopping: { patience: 3, minDelta: 1e-4 },
    },
  }),
};

export function isPresetId(id: string): id is PresetId {
  return (PRESET_IDS as readonly string[]).includes(id);
}

/** The preset `id` for `classes` classes and the given input shape. */
export function preset(id: PresetId, input: PresetInput): Preset {
  if (!(Number.isInteger(input.classes) && input.classes >= 2)) {
    throw new Error(`preset '${id}': classes must be an integer of at least 2, got ${input.classes}`);
  }
  const builder = builders[id];
  if (builder === undefined) throw new Error(`unknown preset '${id}' (known: ${PRESET_IDS.join(', ')})`);
  return { id, ...builder(input.classes, input.inputShape ?? [1, 28, 28]) };
}

/** The options of `train` a preset's training defaults set (the benchmarks train presets as shipped). */
export function presetTrainOptions(t: TrainingDefaults) {
  return {
    batchSize: t.batchSize,
    learningRate: t.learningRate,
    optimizer: t.optimizer,
    schedule: t.schedule,
    clipNorm: t.clipNorm,
  };
}

/** Every preset, in menu order. */
export function presets(input: PresetInput): Preset[] {
  return PRESET_IDS.map((id) => preset(id, input));
}
