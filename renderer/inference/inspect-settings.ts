// How the Draw screen's "Inside the network" panel runs the backward pass of a model: with the loss it
// was trained with and the learning rate of its training, so the step it shows is the step training
// took. Read from model.json (`metadata.glyphLab.training.spec`, written when a run is saved); a
// checkpoint or an imported model has no such record, and then its preset's own loss and rate count
// (the classic preset's squared error), else cross-entropy at the engine's default rate. DOM-free.

import type { TrainingLoss } from '../../app/shared/types';
import { INSPECT_DEFAULTS } from '../../engine/inspect';
import type { LayerSpec } from '../../engine/layer';
import { isPresetId, preset } from '../../engine/presets';

export interface InspectSettings {
  readonly loss: TrainingLoss;
  /** The engine's loss spec for `loss` (squared error on sigmoid outputs, as the trainer builds it). */
  readonly lossSpec: LayerSpec;
  readonly learningRate: number;
}

/** The contract's loss → the engine's (the same pairing the trainer and `glyph-lab inspect` use). */
export const ENGINE_LOSS: Record<TrainingLoss, LayerSpec> = {
  'cross-entropy': { type: 'softmaxCrossEntropy', config: {} },
  mse: { type: 'meanSquaredError', config: { sigmoid: true } },
};

/** How the panel names a loss. */
export const LOSS_WORDS: Record<TrainingLoss, string> = {
  'cross-entropy': 'softmax cross-entropy',
  mse: 'squared error on sigmoid outputs',
};

function record(x: unknown): Record<string, unknown> | null {
  return x !== null && typeof x === 'object' && !Array.isArray(x) ? (x as Record<string, unknown>) : null;
}

/** A preset's own loss and learning rate; undefined for anything that is not a preset. */
function presetSettings(architecture: unknown): { loss: TrainingLoss; learningRate: number } | undefined {
  if (typeof architecture !== 'string' || !isPresetId(architecture)) return undefined;
  const t = preset(architecture, { classes: 10 }).training;
  return {
    loss: t.loss?.type === 'meanSquaredError' ? 'mse' : 'cross-entropy',
    learningRate: t.learningRate,
  };
}

const isRate = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x >= 0;

/**
 * The settings for a model file. `architecture` is the summary's (a checkpoint's summary names the
 * preset being trained although its model.json carries no training record).
 */
export function inspectSettings(json: Record<string, unknown>, architecture: string): InspectSettings {
  const spec = record(record(record(record(json.metadata)?.glyphLab)?.training)?.spec);
  const fallback = presetSettings(spec?.architecture ?? architecture);
  let loss: TrainingLoss = fallback?.loss ?? 'cross-entropy';
  if (spec?.loss === 'mse' || spec?.loss === 'cross-entropy') loss = spec.loss;
  // A layer list of the person's own takes no preset default (app/model/engine-model.ts lossOf).
  else if (Array.isArray(spec?.layers) && spec.layers.length > 0) loss = 'cross-entropy';
  const learningRate = isRate(spec?.learningRate)
    ? spec.learningRate
    : (fallback?.learningRate ?? INSPECT_DEFAULTS.learningRate);
  return { loss, lossSpec: ENGINE_LOSS[loss], learningRate };
}
