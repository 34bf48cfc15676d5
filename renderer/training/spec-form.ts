// The training form's model, DOM-free: what the person edits, its defaults, and the one
// conversion to the contract's TrainingSpec (checked with the same zod schema main validates with).

import { trainingSpecSchema } from '../../app/shared/api';
import type { LayerSpecData, TrainingLoss, TrainingSpec } from '../../app/shared/types';
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

/** What training minimises; a preset picks its own (the classic one squared error). */
export const LOSSES: { id: TrainingLoss; title: string }[] = [
  { id: 'cross-entropy', title: 'Cross-entropy' },
  { id: 'mse', title: 'Squared error (actual − desired)' },
];

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
  /** Label smoothing ε, 0–0.5 (0: one-hot targets); cross-entropy only. */
  labelSmoothing: number;
  loss: TrainingLoss;
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
      loss: 'cross-entropy',
      limit: 0,
      name: '',
    },
    'mlp',
  );
}

/**
 * The form proposes at most this many epochs: the presets' full recipes (8–30 epochs on every image)
 * run for many minutes here, which is not what a first press of "Start training" should cost. With
 * the perceptron, 3 epochs of 54,000 images showed an ETA of 13–30 s at 5,000–14,000 samples/s
 * (e2e/newcomer.spec.ts logs the pace). The Epochs field's help names the recipe's own count.
 */
export const FORM_EPOCHS = 3;

/**
 * "Quick try": a small perceptron on the first 10,000 images for two epochs: 4.5–7 s from the click
 * to the result here (e2e/newcomer.spec.ts logs it; 2 cores, other jobs running), about 94 % on the
 * whole MNIST test split. Enough to see the curves move and a model land.
 */
export const QUICK_TRY = { architecture: 'mlp', epochs: 2, limit: 10_000 } as const;

/** The form set up for a quick try on its dataset (from scratch; the name is kept). */
export function quickTry(form: TrainingForm, classCount = 10): TrainingForm {
  const base = withArchitecture({ ...form, baseModelId: '' }, QUICK_TRY.architecture, classCount);
  return { ...base, epochs: QUICK_TRY.epochs, limit: QUICK_TRY.limit, augmentation: false };
}

/** The epochs the preset's full recipe trains for (the help beside the Epochs field). */
export function recipeEpochs(architecture: string, classCount = 10): number | null {
  return isPresetId(architecture)
    ? preset(architecture, { classes: Math.max(2, classCount) }).training.epochs
    : null;
}

/** Whether the preset trains until its validation error stops improving (epochs an upper bound). */
export function trainsToConvergence(architecture: string): boolean {
  return (
    isPresetId(architecture) && preset(architecture, { classes: 10 }).training.earlyStopping !== undefined
  );
}

/** Picking a preset also picks the training settings the engine recommends for it (epochs capped). */
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
    // A preset that trains until convergence keeps its cap: a cut at FORM_EPOCHS would end it early.
    epochs: t.earlyStopping ? t.epochs : Math.min(t.epochs, FORM_EPOCHS),
    augmentation: t.augment,
    loss: t.loss?.type === 'meanSquaredError' ? 'mse' : 'cross-entropy',
    ...(t.loss?.type === 'meanSquaredError' ? { labelSmoothing: 0 } : {}),
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

/** A form field a problem belongs to (the screen marks it), or `form` for the run as a whole. */
export type FormField = keyof TrainingForm | 'form';

export interface FieldProblem {
  field: FormField;
  /** A sentence for the person, not schema text: what is wrong and what would be right. */
  message: string;
}

export type SpecResult = { ok: true; spec: TrainingSpec } | { ok: false; errors: FieldProblem[] };

/** The numeric fields' rules, in the words the form shows next to the field. */
const NUMBER_RULES: {
  field: 'learningRate' | 'batchSize' | 'epochs' | 'seed' | 'limit' | 'stepSize' | 'gamma';
  name: string;
  min: number;
  /** Strictly above `min` (a learning rate of 0 learns nothing). */
  above?: boolean;
  max: number;
  whole: boolean;
  when?: (form: TrainingForm) => boolean;
}[] = [
  { field: 'learningRate', name: 'Learning rate', min: 0, above: true, max: 10, whole: false },
  { field: 'batchSize', name: 'Batch size', min: 1, max: 4096, whole: true },
  { field: 'epochs', name: 'Epochs', min: 1, max: 1000, whole: true },
  { field: 'seed', name: 'Seed', min: 0, max: 2 ** 32 - 1, whole: true },
  { field: 'limit', name: 'Limit images', min: 0, max: Number.MAX_SAFE_INTEGER, whole: true },
  {
    field: 'stepSize',
    name: 'Every (epochs)',
    min: 1,
    max: 1000,
    whole: true,
    when: (f) => f.schedule === 'step',
  },
  {
    field: 'gamma',
    name: 'Multiply by',
    min: 0,
    above: true,
    max: 10,
    whole: false,
    when: (f) => f.schedule === 'step',
  },
];

/** The form's numbers checked one by one, each problem said in words and tied to its field. */
export function fieldProblems(form: TrainingForm): FieldProblem[] {
  const out: FieldProblem[] = [];
  for (const r of NUMBER_RULES) {
    if (r.when && !r.when(form)) continue;
    const v = form[r.field];
    const range =
      r.max === Number.MAX_SAFE_INTEGER
        ? `${r.whole ? 'a whole number' : 'a number'} of ${r.min} or more`
        : r.above
          ? `a number above ${r.min} and at most ${r.max.toLocaleString('en')}`
          : `${r.whole ? 'a whole number' : 'a number'} from ${r.min} to ${r.max.toLocaleString('en')}`;
    if (!Number.isFinite(v)) out.push({ field: r.field, message: `${r.name} is empty: enter ${range}.` });
    else if ((r.whole && !Number.isInteger(v)) || v < r.min || (r.above && v <= r.min) || v > r.max)
      out.push({ field: r.field, message: `${r.name} must be ${range}; ${v} is not.` });
  }
  for (const [field, name] of [
    ['validationSplit', 'Validation split'],
    ['labelSmoothing', 'Label smoothing'],
  ] as const) {
    const v = form[field];
    if (!Number.isFinite(v) || v < 0 || v > 0.5)
      out.push({ field, message: `${name} must be between 0 and 0.5.` });
  }
  if (form.name.trim().length > 200)
    out.push({ field: 'name', message: 'Name is too long: keep it under 200 characters.' });
  if (!form.datasetId) out.push({ field: 'datasetId', message: 'Choose a dataset.' });
  return out;
}

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
  const errors: FieldProblem[] = fieldProblems(form);
  const custom = form.architecture === 'custom';
  let layers: LayerSpecData[] | undefined;
  if (custom) {
    if (form.layers.length === 0) errors.push({ field: 'layers', message: 'Add at least one layer.' });
    const last = form.layers[form.layers.length - 1];
    if (last && classCount !== undefined && (last.type !== 'dense' || last.config.units !== classCount)) {
      errors.push({
        field: 'layers',
        message: `The last layer must be Dense with ${classCount} units (one per class).`,
      });
    }
    layers = form.layers.map((l) => ({ type: l.type, config: { ...l.config } }));
    for (const [i, l] of form.layers.entries()) {
      for (const [k, v] of Object.entries(l.config)) {
        if (!Number.isFinite(v) || v < 0)
          errors.push({
            field: 'layers',
            message: `Layer ${i + 1} (${l.type}): ${k} must be a number of 0 or more.`,
          });
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
    ...(form.labelSmoothing !== 0 && form.loss === 'cross-entropy'
      ? { labelSmoothing: form.labelSmoothing }
      : {}),
    loss: form.loss,
    ...(form.limit > 0 ? { limit: form.limit } : {}),
    ...(form.name.trim() ? { name: form.name.trim() } : {}),
  };
  // The contract's schema stays the last word; the rules above already said anything it would
  // refuse in words, so a problem only it finds is named by field and kept short.
  const parsed = errors.length === 0 ? trainingSpecSchema.safeParse(spec) : null;
  if (parsed && !parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0]);
      const field = (key in form ? key : 'form') as FormField;
      errors.push({ field, message: `${FIELD_NAMES[key] ?? key} is not valid.` });
    }
  }
  if (errors.length === 0) return { ok: true, spec };
  const seen = new Set<string>();
  return { ok: false, errors: errors.filter((e) => !seen.has(e.message) && seen.add(e.message)) };
}

const FIELD_NAMES: Record<string, string> = {
  datasetId: 'Dataset',
  architecture: 'Architecture',
  optimizer: 'Optimizer',
  schedule: 'Schedule',
  learningRate: 'Learning rate',
  batchSize: 'Batch size',
  epochs: 'Epochs',
  seed: 'Seed',
  validationSplit: 'Validation split',
  labelSmoothing: 'Label smoothing',
  loss: 'Loss',
  limit: 'Limit images',
  name: 'Name',
  layers: 'Layers',
};
