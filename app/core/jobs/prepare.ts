// A training request made ready for the trainer: the checks main can make before a job starts (enough
// samples, some to hold out, a layer list that fits the classes and is small enough to train, sized
// by arithmetic) and the replay policy of a job with a base model (which bundled set it replays, how much).

import { availableParallelism } from 'node:os';
import { CUSTOM_TEST_FRACTION, heldOutOf, testEvery } from '../../../datasets/held-out';
import { type ModelPlan, planModel, tooBig } from '../../../engine/model-shapes';
import { layersOf, SAMPLE_SHAPE } from '../../model/engine-model';
import { FINE_TUNE_RECIPE } from '../../model/fine-tune-recipe';
import { specOfRecipe } from '../../model/recipe-spec';
import { CoreError } from '../../shared/errors';
import type { TrainJob } from '../../shared/trainer-protocol';
import type { TrainingSpec } from '../../shared/types';
import type { DatasetCatalog } from '../stores/dataset-catalog';
import type { ModelStore } from '../stores/model-store';
import type { RecipeCatalog } from '../stores/recipes';

/** Images of the base dataset replayed when a base model trains on another bundled set. */
const REPLAY_COUNT = 2000;

/** What main adds to a spec before the trainer runs it; a recipe job also gets the recipe's own spec. */
export type PreparedJob = Omit<TrainJob, 'type' | 'jobId' | 'spec' | 'progressIntervalMs'> & {
  spec?: TrainingSpec;
};

export async function prepareJob(
  spec: TrainingSpec,
  datasets: DatasetCatalog,
  models: ModelStore,
  recipes?: RecipeCatalog,
): Promise<PreparedJob> {
  const cores = availableParallelism();
  if (typeof spec.threads === 'number' && spec.threads > cores) {
    throw new CoreError(
      'invalid',
      `threads ${spec.threads}: this machine has ${cores} cores; choose 1 to ${cores}, or auto`,
    );
  }
  if (spec.recipe) {
    if (!recipes) throw new CoreError('unsupported', 'built-in recipes are not available here');
    const recipe = await recipes.get(spec.recipe);
    const data = await datasets.trainerData(recipe.test.source.dataset);
    if (data.kind !== 'bundled')
      throw new CoreError('invalid', `recipe ${recipe.id} must test on a bundled set`);
    // The recipe is the truth: its network, training and data, whatever else the request said (its name may differ).
    return {
      data,
      testFraction: 0,
      recipe,
      dataDir: data.dataDir,
      spec: {
        ...specOfRecipe(recipe),
        ...(spec.name ? { name: spec.name } : {}),
        ...(spec.threads !== undefined ? { threads: spec.threads } : {}),
      },
    };
  }
  const data = await datasets.trainerData(spec.datasetId);
  if (data.kind === 'folder') {
    const info = await datasets.get(spec.datasetId);
    const filled = Object.values(info.counts ?? {}).filter((n) => n > 0).length;
    // Fine-tuning adds the set's classes to the base model's, so one class of samples is enough.
    if (filled < (spec.baseModelId ? 1 : 2))
      throw new CoreError(
        'invalid',
        spec.baseModelId
          ? `${info.title} has no samples yet`
          : `${info.title} needs samples in at least 2 classes to train (or fine-tune a model on it)`,
      );
    // The test figures come from held-out samples; a job with none would report a test on 0 images.
    if (!Object.values(info.counts ?? {}).some((n) => heldOutOf(n) > 0))
      throw new CoreError(
        'invalid',
        `${info.title} has no samples to hold out for testing: every ${testEvery()}th sample of a class is held out, so one class needs at least ${testEvery()}`,
      );
  }
  if (spec.architecture === 'custom' && !spec.layers?.length && !spec.baseModelId) {
    throw new CoreError('invalid', 'a custom architecture needs a layer list');
  }
  if (!spec.baseModelId) {
    // Sized by arithmetic, never built here: a bad or oversized layer list is refused now, in
    // microseconds, and main never allocates a network (the trainer builds it).
    const classes = (await datasets.get(spec.datasetId)).classes.length;
    const outputs = checkSpecSize(spec, classes).outputShape.reduce((a, b) => a * b, 1);
    if (outputs !== classes) {
      throw new CoreError(
        'invalid',
        `the last layer has ${outputs} outputs but ${spec.datasetId} has ${classes} classes`,
      );
    }
  }
  const prepared: PreparedJob = {
    data,
    testFraction: data.kind === 'folder' ? CUSTOM_TEST_FRACTION : 0,
  };
  if (spec.baseModelId) {
    const base = await models.get(spec.baseModelId);
    prepared.base = { json: base.json, weights: base.weights };
    prepared.baseInfo = {
      id: base.summary.id,
      name: base.summary.name,
      datasetTitle: (await datasets.get(spec.datasetId)).title,
    };
    // The bundled set to replay: the base model's own, or, for a model that was itself fine-tuned
    // on a custom set (digits + ★ retrained with more ★), the bundled set its lineage replayed.
    const baseData = datasets.isBundled(base.summary.datasetId)
      ? base.summary.datasetId
      : base.summary.fineTune?.replayedFrom;
    if (baseData && baseData !== spec.datasetId && datasets.isBundled(baseData)) {
      const count = data.kind === 'folder' ? FINE_TUNE_RECIPE.replay : REPLAY_COUNT;
      prepared.replay = { data: await datasets.trainerData(baseData), count };
    }
  }
  return prepared;
}

/**
 * The network a spec would build, sized by arithmetic (nothing allocated): refuses a layer list that
 * does not fit together, or that is too big to train (over 50 M parameters, or too many values held
 * per image or per batch), with the reason; returns the plan otherwise.
 */
export function checkSpecSize(spec: TrainingSpec, classes: number): ModelPlan {
  let plan: ModelPlan;
  try {
    plan = planModel(SAMPLE_SHAPE, layersOf(spec, classes));
  } catch (error) {
    if (error instanceof CoreError) throw error;
    throw new CoreError('invalid', `the network cannot be built: ${(error as Error).message}`);
  }
  const why = tooBig(plan, spec.batchSize);
  if (why) throw new CoreError('invalid', `the network is too big to train: ${why}`);
  return plan;
}
