// The training form's model, DOM-free: what the person edits, its defaults, and the one
// conversion to the contract's TrainingSpec (checked with the same zod schema main validates with).

import { trainingSpecSchema } from '../../app/shared/api';
import type { LayerSpecData, TrainingSpec } from '../../app/shared/types';
import { isPresetId, preset, presets } from '../../engine/presets';

/** The engine's presets (names and descriptions are the engine's own), plus a custom layer list. */
export const PRESETS: { id: string; title: string; description: string }[] = [
  ...presets({ classes: 10 }).map((p) => ({ id: p.id, title: p.name, description: p.description })),
  { id: 'custom', title: 'Custom', description: 'Your own list of layers.' },
];

export const OPTIMIZERS = [
  { id: 'adam', title: 'Adam', learningRate: 0.001 },
  { id: 'adamw', title: 'AdamW', learningRate: 0.001 },
  { id: 'momentum', title: 'SGD + momentum', learningRate: 0.01 },
  { id: 'nesterov', title: 'Nesterov', learningRate: 0.01 },
  { id: 'sgd', title: 'Plain SGD', learningRate: 0.05 },
] as const;

export const SCHEDULES = [
  { id: 'constant', title: 'Constant' },
  { id: 'step', title: 'Step decay' },
  { id: 'cosine', title: 'Cosine' },
  { id: 'oneCycle', title: 'One-cycle' },
] as const;

/** Layer kinds the editor offers, with their numeric settings and defaults. */
export const LAYER_KINDS: Record<string, { title: string; fields: Record<string, number> }> = {
  dense: { title: 'Dense', fields: { units: 128 } },
  conv2d: { title: 'Convolution', fields: { filters: 16, kernelSize: 5, strides: 1, padding: 2 } },
  maxpool2d: { title: 'Max pool', fields: { poolSize: 2 } },
  relu: { title: 'ReLU', fields: {} },
  leakyRelu: { title: 'Leaky ReLU', fields: {} },
  tanh: { title: 'Tanh', fields: {} },
  sigmoid: { title: 'Sigmoid', fields: {} },
  dropout: { title: 'Dropout', fields: { rate: 0.25 } },
  flatten: { title: 'Flatten', fields: {} },
  batchNorm: { title: 'Batch norm', fields: {} },
};

export interface LayerRow {
  /** Stable key for React lists. */
  key: number;
  type: string;
  config: Record<string, number>;
}

export interface TrainingForm {
  datasetId: string;
  architecture: string;
  layers: LayerRow[];
  baseModelId: string;
  optimizer: string;
  /** Extra optimizer settings (momentum, weight decay) from the preset; reset when the optimizer changes. */
  optimizerConfig: Record<string, unknown>;
  learningRate: number;
  schedule: string;
  /** Extra schedule settings from the preset (cosine floor, one-cycle warm-up share). */
  scheduleConfig: Record<string, unknown>;
  /** Step decay: every `stepSize` epochs multiply by `gamma`. */
  stepSize: number;
  gamma: number;
  batchSize: number;
  epochs: number;
  augmentation: boolean;
  seed: number;
  /** Fraction held out for validation, 0–0.5. */
  validationSplit: number;
  /** Label smoothing ε, 0–0.5 (0: one-hot targets). */
  labelSmoothing: number;
  /** Train on the first N images only; 0 means all. */
  limit: number;
  name: string;
}

let nextKey = 1;
export function layerRow(type: string, config?: Record<string, number>): LayerRow {
  return { key: nextKey++, type, config: { ...(LAYER_KINDS[type]?.fields ?? {}), ...config } };
}

/** A small MLP; the last layer is the output: Dense with one unit per class (softmax is in the loss). */
export function defaultLayers(classCount = 10): LayerRow[] {
  return [
    layerRow('flatten'),
    layerRow('dense', { units: 128 }),
    layerRow('relu'),
    layerRow('dropout', { rate: 0.2 }),
    layerRow('dense', { units: classCount }),
  ];
}

export function defaultForm(datasetId: string): TrainingForm {
  return withArchitecture(
    {
      datasetId,
      architecture: 'mlp',
      layers: defaultLayers(),
      baseModelId: '',
      optimizer: 'adam',
      optimizerConfig: {},
      learningRate: 0.001,
      schedule: 'cosine',
      scheduleConfig: {},
      stepSize: 5,
      gamma: 0.5,
      batchSize: 64,
      epochs: 5,
      augmentation: true,
      seed: 42,
      validationSplit: 0.1,
      labelSmoothing: 0,
      limit: 0,
      name: '',
    },
    'mlp',
  );
}

/** Picking a preset also picks the training settings the engine recommends for it. */
export function withArchitecture(form: TrainingForm, architecture: string, classCount = 10): TrainingForm {
  if (!isPresetId(architecture)) {
    const layers = form.layers.length > 0 ? form.layers : defaultLayers(classCount);
    return { ...form, architecture, layers };
  }
  const t = preset(architecture, { classes: Math.max(2, classCount) }).training;
  return {
    ...form,
    architecture,
    optimizer: t.optimizer.type,
    optimizerConfig: { ...t.optimizer.config },
    learningRate: t.learningRate,
    schedule: t.schedule.type,
    scheduleConfig: { ...t.schedule.config },
    batchSize: t.batchSize,
    epochs: t.epochs,
    augmentation: t.augment,
  };
}

/**
 * The fine-tuning recipe's training settings (app/model/fine-tune-recipe.ts FINE_TUNE_TRAINING, measured in
 * docs/benchmarks.md "Fine-tuning"): a few epochs of Adam over the head, augmentation on (it makes the
 * copies of each sample), no validation split (the custom samples are few; held-out ones are tested).
 */
export const FINE_TUNE_FORM = {
  optimizer: 'adam',
  learningRate: 0.002,
  schedule: 'cosine',
  scheduleConfig: { minFactor: 0.05 },
  batchSize: 64,
  epochs: 8,
  augmentation: true,
  validationSplit: 0,
} as const;

/** Picking a base model to fine-tune proposes the recipe's settings; "Scratch" puts the preset's back. */
export function withBase(form: TrainingForm, baseModelId: string, classCount = 10): TrainingForm {
  if (!baseModelId) return withArchitecture({ ...form, baseModelId: '' }, form.architecture, classCount);
  return {
    ...form,
    ...FINE_TUNE_FORM,
    baseModelId,
    optimizerConfig: {},
    scheduleConfig: { ...FINE_TUNE_FORM.scheduleConfig },
    limit: 0,
  };
}

/** Picking an optimizer also picks its usual learning rate. */
export function withOptimizer(form: TrainingForm, optimizer: string): TrainingForm {
  const found = OPTIMIZERS.find((o) => o.id === optimizer);
  return { ...form, optimizer, optimizerConfig: {}, learningRate: found?.learningRate ?? form.learningRate };
}

export type SpecResult = { ok: true; spec: TrainingSpec } | { ok: false; errors: string[] };

export function scheduleSpec(form: TrainingForm): { type: string; config: Record<string, unknown> } {
  if (form.schedule === 'step')
    return { type: 'step', config: { stepSize: form.stepSize, gamma: form.gamma } };
  return { type: form.schedule, config: { ...form.scheduleConfig } };
}

/**
 * The form as the contract's TrainingSpec, or the reasons it is not one yet. `classCount`, when
 * known, checks that a custom list ends in the output layer (Dense, one unit per class).
 */
export function formToSpec(form: TrainingForm, classCount?: number): SpecResult {
  const errors: string[] = [];
  const custom = form.architecture === 'custom';
  let layers: LayerSpecData[] | undefined;
  if (custom) {
    if (form.layers.length === 0) errors.push('Add at least one layer.');
    const last = form.layers[form.layers.length - 1];
    if (last && classCount !== undefined && (last.type !== 'dense' || last.config.units !== classCount)) {
      errors.push(`The last layer must be Dense with ${classCount} units (one per class).`);
    }
    layers = form.layers.map((l) => ({ type: l.type, config: { ...l.config } }));
    for (const [i, l] of form.layers.entries()) {
      for (const [k, v] of Object.entries(l.config)) {
        if (!Number.isFinite(v) || v < 0)
          errors.push(`Layer ${i + 1} (${l.type}): ${k} must be a number ≥ 0.`);
      }
    }
  }
  const spec: TrainingSpec = {
    datasetId: form.datasetId,
    architecture: form.architecture,
    ...(layers ? { layers } : {}),
    ...(form.baseModelId ? { baseModelId: form.baseModelId } : {}),
    optimizer: { type: form.optimizer, config: { ...form.optimizerConfig } },
    learningRate: form.learningRate,
    schedule: scheduleSpec(form),
    batchSize: form.batchSize,
    epochs: form.epochs,
    augmentation: form.augmentation,
    seed: form.seed,
    validationSplit: form.validationSplit,
    ...(form.labelSmoothing !== 0 ? { labelSmoothing: form.labelSmoothing } : {}),
    ...(form.limit > 0 ? { limit: form.limit } : {}),
    ...(form.name.trim() ? { name: form.name.trim() } : {}),
  };
  const parsed = trainingSpecSchema.safeParse(spec);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      errors.push(`${FIELD_NAMES[String(issue.path[0])] ?? issue.path.join('.')}: ${issue.message}`);
  }
  if (!form.datasetId) errors.push('Choose a dataset.');
  return errors.length > 0 ? { ok: false, errors: [...new Set(errors)] } : { ok: true, spec };
}

const FIELD_NAMES: Record<string, string> = {
  datasetId: 'Dataset',
  architecture: 'Architecture',
  learningRate: 'Learning rate',
  batchSize: 'Batch size',
  epochs: 'Epochs',
  seed: 'Seed',
  validationSplit: 'Validation split',
  labelSmoothing: 'Label smoothing',
  limit: 'Limit',
  name: 'Name',
  layers: 'Layers',
};
