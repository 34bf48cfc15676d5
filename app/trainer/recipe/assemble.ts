// A recipe's data, assembled in the trainer: each source loaded, filtered to whole donors, relabelled
// into the recipe's classes, limited and repeated; generated data made from the recipe's seed. Returns
// the training mix, the validation donors, the test sets and what went in (for the model card).

import { generateDigitForms } from '../../../datasets/digits/generate';
import { donorIndices, donorRanges } from '../../../datasets/handwriting/donors';
import { loadAllFaces } from '../../../datasets/letters/fonts';
import { DIGIT_CLASSES, generateSet } from '../../../datasets/letters/generate';
import { LETTER_CLASS_NAMES } from '../../../datasets/letters/info';
import { generateLetterForms } from '../../../datasets/letters/pen-forms';
import { loadDatasetBytes, readManifest } from '../../../datasets/load';
import { generateScribbles } from '../../../datasets/scribbles';
import type { Dataset } from '../../../engine/batch';
import { UNIFORM_TARGET } from '../../../engine/losses/index';
import {
  describeSource,
  type GeneratedSource,
  isSetSource,
  type Recipe,
  type SetSource,
} from '../../shared/recipe';

// run-job.ts reads it from here; it lives with the recipe so the renderer can describe a mix too
export { describeSource };

const SAMPLE_SHAPE = [1, 28, 28] as const;
/** The digit generators' label order. */
const DIGIT_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** One source's part of the mix, as the model card reports it. */
export interface SourceCount {
  source: string;
  /** Distinct samples, and how many times each is seen per epoch. */
  samples: number;
  repeat: number;
}

export interface RecipeData {
  train: Dataset;
  validation: Dataset;
  test: Dataset;
  alsoTest: { label: string; dataset: Dataset }[];
  mix: SourceCount[];
}

/** A bundled set's split narrowed and relabelled as the source asks. */
export async function loadSetSource(
  s: SetSource,
  classes: readonly string[],
  dataDir?: string,
): Promise<Dataset> {
  const [manifest, bytes] = await Promise.all([
    readManifest(s.dataset, { dataDir }),
    loadDatasetBytes(s.dataset, s.split, { dataDir }),
  ]);
  const target = bytes.classes.map((c) => {
    if (s.relabel) return c in s.relabel ? classes.indexOf(s.relabel[c]!) : -2;
    return classes.indexOf(c);
  });
  bytes.classes.forEach((c, i) => {
    if (target[i] === -1)
      throw new Error(
        `recipe: class "${s.relabel?.[c] ?? c}" of ${s.dataset} is not one of the recipe's classes`,
      );
  });
  let picked = Array.from(
    donorIndices(
      donorRanges(manifest, s.split),
      bytes.labels.length,
      s.donors ?? {},
      `${s.dataset} ${s.split}`,
    ),
  ).filter((i) => target[bytes.labels[i]!]! >= 0);
  if (s.limit !== undefined) picked = picked.slice(0, s.limit);
  const repeat = s.repeat ?? 1;
  const n = picked.length;
  const images = new Float32Array(n * repeat * 784);
  const labels = new Int32Array(n * repeat);
  for (let r = 0; r < repeat; r++) {
    for (let k = 0; k < n; k++) {
      const i = picked[k]!;
      const o = (r * n + k) * 784;
      for (let p = 0; p < 784; p++) images[o + p] = bytes.pixels[i * 784 + p]! / 255;
      labels[r * n + k] = target[bytes.labels[i]!]!;
    }
  }
  return { images, labels, sampleShape: SAMPLE_SHAPE };
}

/** Map a generator's own label order onto the recipe's classes. */
function mapped(
  labels: ArrayLike<number>,
  own: readonly string[],
  classes: readonly string[],
  what: string,
): Int32Array {
  const to = own.map((c) => classes.indexOf(c));
  return Int32Array.from(labels, (l) => {
    const t = to[l]!;
    if (t < 0) throw new Error(`recipe: ${what} makes class "${own[l]}", not one of the recipe's classes`);
    return t;
  });
}

/** A generator's images (floats in [0, 1]) and labels in its own class order (or UNIFORM_TARGET). */
function generated(
  g: GeneratedSource,
  seed: number,
): { images: Float32Array; labels: ArrayLike<number>; own?: readonly string[] } {
  switch (g.generator) {
    case 'digit-forms':
      return { ...generateDigitForms({ perClass: g.count, seed }), own: DIGIT_NAMES };
    case 'font-digits': {
      const faces = loadAllFaces().filter((f) => f.split === 'train');
      const set = generateSet(DIGIT_CLASSES, faces, { perClass: g.count, seed });
      return { images: Float32Array.from(set.images, (v) => v / 255), labels: set.labels, own: DIGIT_NAMES };
    }
    case 'letter-forms':
      return { ...generateLetterForms({ perClass: g.count, seed }), own: LETTER_CLASS_NAMES };
    case 'scribbles':
      return {
        images: generateScribbles(g.count, seed).images,
        labels: new Int32Array(g.count).fill(UNIFORM_TARGET),
      };
  }
}

/** A generator's samples, seeded from the recipe's seed and the source's place in the list. */
export function generateSource(g: GeneratedSource, classes: readonly string[], seed: number): Dataset {
  const { images, labels, own } = generated(g, seed);
  return {
    images,
    labels: own ? mapped(labels, own, classes, g.generator) : Int32Array.from(labels),
    sampleShape: SAMPLE_SHAPE,
  };
}

function concat(parts: readonly Dataset[]): Dataset {
  const n = parts.reduce((a, p) => a + p.labels.length, 0);
  const images = new Float32Array(n * 784);
  const labels = new Int32Array(n);
  let at = 0;
  for (const p of parts) {
    images.set(p.images, at * 784);
    labels.set(p.labels, at);
    at += p.labels.length;
  }
  return { images, labels, sampleShape: SAMPLE_SHAPE };
}

/** Everything the recipe trains, validates and tests on. */
export async function assembleRecipe(recipe: Recipe, dataDir?: string): Promise<RecipeData> {
  const { classes } = recipe;
  const mix: SourceCount[] = [];
  const parts: Dataset[] = [];
  for (const [i, s] of recipe.train.entries()) {
    const part = isSetSource(s)
      ? await loadSetSource(s, classes, dataDir)
      : generateSource(s, classes, recipe.training.seed + 1000 * (i + 1));
    const repeat = isSetSource(s) ? (s.repeat ?? 1) : 1;
    mix.push({ source: describeSource(s), samples: part.labels.length / repeat, repeat });
    parts.push(part);
  }
  const validation = concat(
    await Promise.all(recipe.validation.map((s) => loadSetSource(s, classes, dataDir))),
  );
  const test = await loadSetSource(recipe.test.source, classes, dataDir);
  const alsoTest = await Promise.all(
    recipe.alsoTest.map(async (t) => ({
      label: t.label,
      dataset: await loadSetSource(t.source, classes, dataDir),
    })),
  );
  return { train: concat(parts), validation, test, alsoTest, mix };
}
