// A built-in recipe as the Train screen offers it (`recipes:list`): what it trains on in words, its
// network, its validation donors and test sets, and a rough duration. Sized by arithmetic from the
// built sets' manifests and the layer shapes; nothing is loaded or allocated.

import { donorRanges } from '../../datasets/handwriting/donors';
import { readManifest } from '../../datasets/load';
import type { LayerSpec } from '../../engine/layer';
import { planModel } from '../../engine/model-shapes';
import { isPresetId, preset } from '../../engine/presets';
import { layersOf, SAMPLE_SHAPE } from '../model/engine-model';
import { specOfRecipe } from '../model/recipe-spec';
import {
  describeSource,
  type GeneratedSource,
  isSetSource,
  type Recipe,
  type SetSource,
} from '../shared/recipe';
import type { RecipeSummary } from '../shared/types';

/**
 * Forward multiply-adds per second the trainer sustains on a small CNN, one thread: LeNet trained at
 * 8,558 samples/s in the trainer process (docs/benchmarks.md, trainer table) × 354,048 multiply-adds
 * per image = 3.0 G. Backward costs about twice the forward and is inside that figure. Augmentation,
 * assembling the data and the final evaluation are not, so the estimate is rough and on the low side.
 */
export const FORWARD_MACS_PER_SECOND = 3.0e9;

/** Classes a generator makes `count` of each (scribbles: `count` in all). */
const GENERATOR_CLASSES: Record<GeneratedSource['generator'], number> = {
  'digit-forms': 10,
  'font-digits': 10,
  'letter-forms': 26,
  scribbles: 1,
};

/** Activations: named once at the end, not as steps (flatten is only a reshape). */
const ACTIVATIONS: Record<string, string> = {
  relu: 'ReLU',
  leakyRelu: 'leaky ReLU',
  tanh: 'tanh',
  sigmoid: 'sigmoid',
};

/** "conv 32 5×5 → pool 2 → … → dense 10, ReLU". */
export function describeLayers(layers: readonly LayerSpec[]): string {
  const steps = layers
    .filter((l) => !(l.type in ACTIVATIONS) && l.type !== 'flatten')
    .map((l) => {
      const c = l.config as Record<string, unknown>;
      switch (l.type) {
        case 'conv2d':
          return `conv ${c.filters} ${c.kernelSize}×${c.kernelSize}`;
        case 'maxpool2d':
          return `pool ${c.poolSize}`;
        case 'dense':
          return `dense ${c.units}`;
        case 'dropout':
          return `dropout ${c.rate}`;
        case 'batchNorm':
          return 'batch norm';
        default:
          return l.type;
      }
    });
  const activations = [...new Set(layers.map((l) => ACTIVATIONS[l.type]).filter(Boolean))];
  return steps.join(' → ') + (activations.length ? `, ${activations.join(', ')}` : '');
}

/** Forward multiply-adds per image: weights × output positions for convolutions, weights for dense layers. */
export function multiplyAdds(layers: readonly LayerSpec[]): number {
  const plan = planModel(SAMPLE_SHAPE, layers);
  let total = 0;
  plan.layers.forEach((l) => {
    const units = l.outputShape[0]!;
    if (l.type === 'conv2d') total += (l.parameters - units) * (l.outputShape[1]! * l.outputShape[2]!);
    else if (l.type === 'dense') total += l.parameters - units;
  });
  return total;
}

/** Distinct images a set source takes, from its manifest (donor ranges, class histogram); null when not built. */
async function imagesOf(s: SetSource, dataDir: string): Promise<number | null> {
  let manifest: Awaited<ReturnType<typeof readManifest>>;
  try {
    manifest = await readManifest(s.dataset, { dataDir });
  } catch {
    return null;
  }
  const split = manifest.splits[s.split];
  if (!split) return null;
  let count = split.count;
  if (s.donors) {
    const ranges = donorRanges(manifest, s.split);
    const named = 'only' in s.donors ? s.donors.only : s.donors.except;
    const inNamed = ranges.filter((r) => named.includes(r.donor)).reduce((a, r) => a + r.count, 0);
    count = 'only' in s.donors ? inNamed : count - inNamed;
  }
  if (s.relabel && split.count > 0) {
    // The share of the split in the relabelled classes (exact without a donor filter, else in proportion).
    const kept = manifest.classes.reduce(
      (a, c, i) => a + (s.relabel && c in s.relabel ? (split.histogram[i] ?? 0) : 0),
      0,
    );
    count = Math.round((count * kept) / split.count);
  }
  return s.limit !== undefined ? Math.min(count, s.limit) : count;
}

function donorsOf(sources: readonly SetSource[]): string[] {
  return [...new Set(sources.flatMap((s) => (s.donors && 'only' in s.donors ? s.donors.only : [])))];
}

export async function summarizeRecipe(recipe: Recipe, dataDir: string): Promise<RecipeSummary> {
  const spec = specOfRecipe(recipe);
  const layers = layersOf(spec, recipe.classes.length);
  const mix = await Promise.all(
    recipe.train.map(async (s) => ({
      source: describeSource(s),
      images: isSetSource(s) ? await imagesOf(s, dataDir) : s.count * GENERATOR_CLASSES[s.generator],
      repeat: isSetSource(s) ? (s.repeat ?? 1) : 1,
    })),
  );
  const imagesPerEpoch = mix.some((m) => m.images === null)
    ? null
    : mix.reduce((a, m) => a + m.images! * m.repeat, 0);
  const plan = planModel(SAMPLE_SHAPE, layers);
  const architecture = recipe.model.architecture;
  const presetName =
    !recipe.model.layers?.length && isPresetId(architecture)
      ? `${preset(architecture, { classes: recipe.classes.length }).name}: `
      : '';
  return {
    id: recipe.id,
    name: recipe.name,
    description: recipe.description,
    classes: recipe.classes.length,
    network: presetName + describeLayers(layers),
    parameters: plan.parameters,
    epochs: recipe.training.epochs,
    mix,
    imagesPerEpoch,
    validationDonors: donorsOf(recipe.validation),
    test: recipe.test.label,
    alsoTest: recipe.alsoTest.map((t) => t.label),
    estimatedSeconds:
      imagesPerEpoch === null
        ? null
        : Math.round(
            (imagesPerEpoch * recipe.training.epochs * multiplyAdds(layers)) / FORWARD_MACS_PER_SECOND,
          ),
    spec,
  };
}
