// The fine-tuning recipe as data: how a base model learns a few custom samples (which layers train,
// augmented copies, replayed base images) and the training settings that go with it. Main sizes the
// replay from it, the CLI and the Train form propose its settings, the trainer (app/trainer/fine-tune.ts)
// runs it.

import type { AugmentOptions } from '../../datasets/augment';

export interface FineTuneRecipe {
  /** `head`: only the dense layers after the last feature layer train; `all`: every layer trains. */
  layers: 'head' | 'all';
  /** Augmented copies of each custom training sample, besides the sample itself. */
  copies: number;
  /** How the copies vary (a stronger setting than the training default: ten drawings must cover a lot). */
  augment: AugmentOptions;
  /** Images of the base dataset replayed so its classes are not forgotten. */
  replay: number;
}

/**
 * Tuned with `bench/finetune.ts` (three new symbols × 10 drawings on the built-in LeNet digits model,
 * see docs/benchmarks.md "Fine-tuning"): the values that met ≥ 90 % on new drawings with ≤ 1 point
 * lost on MNIST, in a few seconds.
 */
export const FINE_TUNE_RECIPE: FineTuneRecipe = {
  layers: 'head',
  copies: 20,
  augment: {
    rotation: 15,
    scale: 0.15,
    shear: 0.2,
    translate: 2,
    elasticAlpha: 34,
    elasticSigma: 4,
    thickness: 0.4,
    probability: 1,
  },
  replay: 10_000,
};

/** The training settings that go with the recipe (the app's Train form proposes them when fine-tuning). */
export const FINE_TUNE_TRAINING = {
  optimizer: { type: 'adam', config: {} },
  learningRate: 0.002,
  schedule: { type: 'cosine', config: { minFactor: 0.05 } },
  batchSize: 64,
  epochs: 8,
} as const;
