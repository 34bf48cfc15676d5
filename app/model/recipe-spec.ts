// The training spec a recipe amounts to: what the app records, shows and sizes for a recipe job (the
// trainer reads the recipe itself for its data mix and calibration). Browser-safe.

import type { Recipe } from '../shared/recipe';
import type { TrainingSpec } from '../shared/types';

export function specOfRecipe(recipe: Recipe): TrainingSpec {
  const t = recipe.training;
  return {
    recipe: recipe.id,
    // the set the model is "of": its classes, its task, what fine-tuning replays
    datasetId: recipe.test.source.dataset,
    architecture: recipe.model.layers?.length ? 'custom' : recipe.model.architecture,
    ...(recipe.model.layers?.length ? { layers: recipe.model.layers } : {}),
    optimizer: { type: t.optimizer.type, config: { ...t.optimizer.config } },
    learningRate: t.learningRate,
    schedule: { type: t.schedule.type, config: { ...t.schedule.config } },
    batchSize: t.batchSize,
    epochs: t.epochs,
    augmentation: t.augmentation !== 'none',
    seed: t.seed,
    // validation is the recipe's own donors, not a fraction of the training mix
    validationSplit: 0,
    ...(t.labelSmoothing ? { labelSmoothing: t.labelSmoothing } : {}),
    ...(t.threads !== undefined ? { threads: t.threads } : {}),
    name: recipe.name,
  };
}
