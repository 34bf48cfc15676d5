// The model card's schema: what the app keeps in model.json besides the engine's own fields (the
// `metadata.glyphLab` block: name, dataset, metrics, evaluation, training record, fine-tuning report,
// suspicious samples, data summary, and for a recipe-trained model its calibration, the test figures
// beside the headline one and the recipe) and the engine's free-form top-level fields the app reads
// (`normalization`, `training`, `metrics`). A model.json is a file anyone can edit, and the export and
// `samples:suspicious` read these fields as the types in ./types.ts say; so every model is checked
// against this on import, on load and when listed, and a bad field is refused by name instead of
// becoming a TypeError later. Fields the app has not always written are optional; a field that is
// present must have its type. Unknown keys are kept (older and newer versions of the app).

import { z } from 'zod';

const text = z.string().max(10_000);
const name = z.string().max(1000);
const count = z.number().int().min(0);
const fraction = z.number().min(0).max(1);
/** A figure that was NaN when measured (nothing to measure on) is stored as null by JSON.stringify. */
const figure = z.number().nullable();
const measured = fraction.nullable();
const date = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'expected a date (ISO 8601)');
const jsonObject = z.record(z.string(), z.unknown());
const spec = z.looseObject({ type: name, config: jsonObject });

const metrics = z.looseObject({
  testAccuracy: measured.optional(),
  testLoss: figure.optional(),
  evaluatedOn: text.optional(),
});

const evaluation = z.looseObject({
  datasetId: name,
  split: name,
  count,
  accuracy: measured,
  loss: figure,
  perClass: z.array(z.looseObject({ label: name, precision: figure, recall: figure, support: count })),
  confusion: z.array(z.array(count)),
  misclassified: z.array(z.looseObject({ index: count, label: name, predicted: name, confidence: measured })),
});

const trainingSpec = z.looseObject({
  datasetId: name,
  architecture: name,
  layers: z.array(spec).optional(),
  baseModelId: name.optional(),
  fineTuneLayers: z.enum(['head', 'all']).optional(),
  optimizer: spec,
  learningRate: z.number(),
  schedule: spec,
  batchSize: count,
  epochs: count,
  augmentation: z.boolean(),
  seed: count,
  validationSplit: fraction,
  labelSmoothing: fraction.optional(),
  loss: z.enum(['cross-entropy', 'mse']).optional(),
  limit: count.optional(),
  name: name.optional(),
  threads: z.union([z.literal('auto'), count]).optional(),
});

const epoch = z.looseObject({
  epoch: count,
  trainLoss: figure,
  trainAccuracy: figure,
  valLoss: figure.optional(),
  valAccuracy: figure.optional(),
  seconds: z.number(),
});

const training = z.looseObject({
  spec: trainingSpec,
  history: z.array(epoch),
  converged: z.looseObject({ epochs: count, bestEpoch: count }).optional(),
  threads: z.looseObject({ count, reason: text }).optional(),
  seconds: z.number(),
  finishedAt: date,
});

const beforeAfter = z.looseObject({ on: text, count, before: measured, after: measured });

const fineTune = z.looseObject({
  baseModelId: name,
  baseModelName: name,
  newClasses: z.array(name),
  base: beforeAfter.optional(),
  custom: beforeAfter.optional(),
  layers: z.enum(['head', 'all']),
  customSamples: count,
  copies: count,
  replayed: count,
  replayedFrom: name.optional(),
  seconds: z.number(),
});

const suspicious = z.looseObject({
  id: name,
  label: name,
  predicted: name,
  confidence: measured,
  labelProbability: measured,
});

const data = z.looseObject({
  trainImages: count,
  validationImages: count,
  testImages: count,
  perClass: z.record(z.string(), count),
});

const reliabilityBin = z.looseObject({
  from: fraction,
  to: fraction,
  count,
  confidence: measured,
  accuracy: measured,
});

const confidenceFigures = z.looseObject({
  count,
  accuracy: measured,
  top3: measured,
  eceUncalibrated: measured,
  ece: measured,
  reliability: z.array(reliabilityBin).max(1000),
  sureShare: measured,
  sureAccuracy: measured,
  mistakesShownSure: measured,
  rejected: measured,
});

/** CalibrationRecord: the Draw screen divides logits by `temperature` and compares with the thresholds. */
const calibration = z.looseObject({
  method: z.literal('temperature'),
  temperature: z.number().positive().finite(),
  sureAbove: fraction,
  notACharacterBelow: fraction,
  fittedOn: text,
  validation: confidenceFigures,
  test: confidenceFigures.extend({ on: text }).optional(),
  scribbles: z.looseObject({ count, readAsCharacter: measured, shownSure: measured }).optional(),
});

const recipe = z.looseObject({
  id: name,
  mix: z.array(z.looseObject({ source: text, samples: count, repeat: count })).max(1000),
  validation: text,
});

/** `metadata.glyphLab`: the app's model card (AppModelMeta in app/core/model-meta.ts). */
export const appModelMetaSchema = z.looseObject({
  name: name.optional(),
  datasetId: name.optional(),
  task: z.enum(['digits', 'letters', 'characters', 'custom']).optional(),
  classes: z.array(name).optional(),
  architecture: name.optional(),
  createdAt: date.optional(),
  metrics: metrics.optional(),
  evaluation: evaluation.optional(),
  training: training.optional(),
  importedFrom: text.optional(),
  fineTune: fineTune.optional(),
  suspicious: z.array(suspicious).optional(),
  data: data.optional(),
  calibration: calibration.optional(),
  alsoEvaluated: z
    .array(evaluation.extend({ label: text }))
    .max(100)
    .optional(),
  recipe: recipe.optional(),
});

/** The parts of model.json the app reads; the engine checks the rest (format, layers, weights). */
export const modelCardSchema = z.looseObject({
  normalization: jsonObject.optional(),
  training: jsonObject.optional(),
  metrics: jsonObject.optional(),
  metadata: z.looseObject({ glyphLab: appModelMetaSchema.optional() }).optional(),
});

/** Throws `model.json: <field>: <what is wrong>` for the first bad field of the card. */
export function checkModelCard(json: unknown, file = 'model.json'): void {
  const result = modelCardSchema.safeParse(json);
  if (result.success) return;
  const issue = result.error.issues[0]!;
  const field = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
  throw new Error(`${file}: ${field.replace(/^\./, '') || 'the document'}: ${issue.message}`);
}
