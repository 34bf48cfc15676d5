// The model a job trains: a fresh one from the spec, or a base model grown to new classes
// (fine-tuning). Only the trainer process builds networks; main sizes them by arithmetic.

import { Sequential } from '../../engine/model';
import { Rng } from '../../engine/rng';
import { layersOf, SAMPLE_SHAPE } from '../model/engine-model';
import type { TrainingSpec } from '../shared/types';

/** A fresh model from a preset id or a layer list, for `classes` outputs, seeded by the spec. */
export function buildModel(spec: TrainingSpec, classes: number): Sequential {
  const rng = new Rng(spec.seed);
  return new Sequential({ inputShape: SAMPLE_SHAPE, layers: layersOf(spec, classes) }, rng);
}

/**
 * Fine-tuning with new classes: the base model's classes first, then the new ones; the engine grows
 * the output layer keeping every learned weight (new outputs start fresh).
 */
export function extendClasses(
  model: Sequential,
  baseClasses: string[],
  dataClasses: string[],
  seed: number,
): { model: Sequential; classes: string[] } {
  const added = dataClasses.filter((c) => !baseClasses.includes(c));
  const classes = [...baseClasses, ...added];
  if (added.length === 0) return { model, classes };
  return { model: model.withClasses(classes.length, new Rng(seed)), classes };
}
