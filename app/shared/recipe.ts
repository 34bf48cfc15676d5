// A recipe: everything that makes a built-in model, as data. The dataset mix (bundled sets, whole donors
// in or out, relabelled classes, repeats) and generated data, the leave-donors-out validation set, the
// test sets, the network, the optimizer and schedule, augmentation, epochs, the seed and the
// calibration. `glyph-lab train --recipe <id>` and the Train screen's "Built-in recipe" run one through
// the trainer; models/<id>/recipe.json sits beside the weights it produced. Browser-safe.

import { z } from 'zod';
import { layerSpecSchema, optimizerSpecSchema, scheduleSpecSchema } from './layer-specs';

export const RECIPE_FORMAT = 'glyph-lab-recipe';
export const RECIPE_VERSION = 1;

const name = z.string().min(1).max(200);
const donorList = z.array(z.string().min(1).max(40)).min(1).max(50);

/** Samples of one split of a bundled set. */
export const setSourceSchema = z.strictObject({
  dataset: z.string().min(1).max(64),
  split: z.enum(['train', 'test']),
  /** Whole donors (writers' labs) in or out; only for sets that record donors (the pen sets, letters). */
  donors: z.union([z.strictObject({ only: donorList }), z.strictObject({ except: donorList })]).optional(),
  /** Classes of the set renamed into the recipe's; when given, only the renamed classes are kept. */
  relabel: z.record(z.string().max(40), z.string().max(40)).optional(),
  /** The first N samples (after the donor filter). */
  limit: z.number().int().positive().max(10_000_000).optional(),
  /** Copies per epoch: a weight for a small set in the mix (1 when absent). */
  repeat: z.number().int().min(1).max(20).optional(),
});

/** Made by a generator in datasets/ (seeded by the recipe's seed). */
export const generatedSourceSchema = z.strictObject({
  generator: z.enum(['digit-forms', 'font-digits', 'letter-forms', 'scribbles']),
  /** Per class for class generators; in all for `scribbles` (labelled "no class": a uniform target). */
  count: z.number().int().positive().max(1_000_000),
});

export const recipeSchema = z.strictObject({
  format: z.literal(RECIPE_FORMAT),
  version: z.literal(RECIPE_VERSION),
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/)
    .max(64),
  /** The trained model's name. */
  name,
  description: z.string().max(4000),
  classes: z.array(z.string().min(1).max(40)).min(2).max(1000),
  train: z
    .array(z.union([setSourceSchema, generatedSourceSchema]))
    .min(1)
    .max(20),
  /** Leave-donors-out: training donors kept out of training to choose epochs, temperature and threshold. */
  validation: z.array(setSourceSchema).min(1).max(10),
  /** The headline test figure: held-out writers (or MNIST's test split for digits). */
  test: z.strictObject({ label: name, source: setSourceSchema }),
  /** More test figures beside it (held-out pen digits beside MNIST test). */
  alsoTest: z.array(z.strictObject({ label: name, source: setSourceSchema })).max(10),
  model: z.strictObject({
    architecture: z.string().min(1).max(64),
    layers: z.array(layerSpecSchema).max(64).optional(),
  }),
  training: z.strictObject({
    optimizer: optimizerSpecSchema,
    learningRate: z.number().positive().max(10),
    schedule: scheduleSpecSchema,
    batchSize: z.number().int().min(1).max(4096),
    epochs: z.number().int().min(1).max(1000),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 32 - 1),
    augmentation: z.enum(['none', 'affine', 'affine-elastic', 'full']),
    labelSmoothing: z.number().min(0).max(0.5).optional(),
    /** Stop when the validation loss has not improved for `patience` epochs; keep the best epoch. */
    earlyStopping: z.strictObject({ patience: z.number().int().min(1).max(100) }).optional(),
    /**
     * The threads the shipped weights were trained on (absent: auto). A seed reproduces weights bit for
     * bit only on the same thread count, so a recipe that pins it reruns to its shipped weights anywhere
     * with that many cores; a request's own threads (Train screen, --threads) win over it.
     */
    threads: z.union([z.literal('auto'), z.number().int().min(1).max(256)]).optional(),
  }),
  calibration: z.strictObject({
    /** Temperature scaling, fitted on the validation donors. */
    method: z.literal('temperature'),
    /** The share of validation answers that should be shown as sure (the "Not sure" threshold). */
    sureShare: z.number().min(0.5).max(1),
  }),
});

export type Recipe = z.infer<typeof recipeSchema>;
export type SetSource = z.infer<typeof setSourceSchema>;
export type GeneratedSource = z.infer<typeof generatedSourceSchema>;

export function isSetSource(s: SetSource | GeneratedSource): s is SetSource {
  return 'dataset' in s;
}

/** "pen-digits train (donors except ibm)". */
export function describeSource(s: SetSource | GeneratedSource): string {
  if (!isSetSource(s))
    return `${s.generator} (generated, ${s.count.toLocaleString('en')}${s.generator === 'scribbles' ? '' : ' per class'})`;
  const donors = s.donors
    ? 'only' in s.donors
      ? ` (donors ${s.donors.only.join(', ')})`
      : ` (donors except ${s.donors.except.join(', ')})`
    : '';
  const relabel = s.relabel
    ? ` (${Object.entries(s.relabel)
        .map(([a, b]) => `${a} as ${b}`)
        .join(', ')})`
    : '';
  return `${s.dataset} ${s.split}${donors}${relabel}${s.limit ? `, first ${s.limit.toLocaleString('en')}` : ''}`;
}
