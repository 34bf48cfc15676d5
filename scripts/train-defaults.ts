// Trains the built-in models shipped with the app (so drawing works before anyone trains):
// models/digits/ (MNIST) and models/letters/ (the bundled letters set), each model.json + weights.bin
// + README.md. Seeded and reproducible: the same data, seed and code give the same weights.
//
// It uses the app's own pieces (the spec → model builder, the augmentation hook, the evaluation and
// model writer of app/core) with the engine's training loop, but not the trainer's JobRunner: the
// digits model trains on MNIST *plus* synthetic digits the JobRunner cannot mix in (pen-path forms
// MNIST lacks — slashed 0, flagged 1 with a foot, crossed 7, open 4: datasets/digits/ — and digits
// rendered from the training-split fonts of the letters build), and the letters model on the letters
// set plus pen-drawn letter forms (datasets/letters/pen-forms.ts) and MNIST's real handwritten zeros
// labelled O (the only digit that is one shape with a letter). Test accuracy is always measured on
// the dataset's own test split (MNIST test, letters held-out fonts) and recorded in the model.
//
//   npx tsx scripts/train-defaults.ts [--only digits|letters] [--epochs N] [--limit N] [--out models]
//       [--arch lenet|cnn] [--augment none|affine|affine-elastic|full] [--extras 0|N] [--zeros N] [--bowls N] [--seed N] [--label-smoothing E] [--data-dir DIR]
//       (everything after --out overrides the defaults below, for experiments)

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { modelCard } from '../app/core/model-codec';
import { type AppModelMeta, summaryOf, taskOf, withAppMeta } from '../app/core/model-meta';
import { evaluateOn, parameterCount, presetTraining, writeModel } from '../app/model/engine-model';
import type { EpochMetrics, TrainingSpec } from '../app/shared/types';
import { buildModel, epochMetricsOf, trainOptionsOf } from '../app/trainer/build-model';
import { predictAll } from '../bench/handwriting-eval';
import { type AugmentOptions, augmentHook, DEFAULT_AUGMENT } from '../datasets/augment';
import { generateDigitForms } from '../datasets/digits/generate';
import { replay } from '../datasets/handwriting/replay';
import { classOf, loadUnipen, type Task } from '../datasets/handwriting/unipen';
import { writeDirAtomic } from '../datasets/io/atomic';
import { loadAllFaces } from '../datasets/letters/fonts';
import { DIGIT_CLASSES, generateSet } from '../datasets/letters/generate';
import { generateLetterForms } from '../datasets/letters/pen-forms';
import { BOWL_LETTERS, letterFromZero } from '../datasets/letters/zero-bowls';
import { loadDataset } from '../datasets/load';
import type { Dataset } from '../engine/batch';
import type { Sequential } from '../engine/model';
import { Rng } from '../engine/rng';
import { train } from '../engine/train';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE_SHAPE = [1, 28, 28] as const;

/** Augmentation recipes by name: `full` is the app's (affine + elastic + thickness). */
const AUGMENT: Record<string, AugmentOptions | undefined> = {
  none: undefined,
  affine: { ...DEFAULT_AUGMENT, elasticAlpha: 0, thickness: 0 },
  'affine-elastic': { ...DEFAULT_AUGMENT, thickness: 0 },
  full: DEFAULT_AUGMENT,
};

interface Default {
  folder: string;
  name: string;
  spec: TrainingSpec;
  augment: string;
  /**
   * Synthetic training samples per class added to the dataset's training split: digits MNIST lacks
   * (digitExtras), pen-path letter forms the fonts lack (datasets/letters/pen-forms.ts).
   */
  extrasPerClass: number;
  /**
   * Real handwritten zeros from MNIST's training split added as the letter O (a zero and an O are
   * one shape in handwriting): how many, 0 for none. Letters only.
   */
  zeros: number;
  /**
   * Small letters built around those zeros (datasets/letters/zero-bowls.ts: a, d, q, g, b, p, a real
   * bowl and a pen stem), this many of each letter; 0 for none. Letters only.
   */
  bowls: number;
}

/** A spec with the preset's own training defaults (optimizer, rate, schedule, batch size). */
function specFor(datasetId: string, name: string, architecture: string, epochs: number): TrainingSpec {
  const t = presetTraining(architecture);
  if (!t) throw new Error(`unknown preset ${architecture}`);
  return {
    datasetId,
    architecture,
    optimizer: t.optimizer,
    learningRate: t.learningRate,
    schedule: t.schedule,
    batchSize: t.batchSize,
    epochs,
    augmentation: true,
    seed: 20_251_124,
    validationSplit: 0.05,
    name,
  };
}

const DEFAULTS: Default[] = [
  {
    folder: 'digits',
    name: 'Digits (built-in LeNet)',
    spec: specFor('mnist', 'Digits (built-in LeNet)', 'lenet', 6),
    augment: 'none',
    extrasPerClass: 1500,
    zeros: 0,
    bowls: 0,
  },
  {
    folder: 'letters',
    name: 'Letters (built-in CNN)',
    spec: specFor('letters', 'Letters (built-in CNN)', 'cnn', 12),
    augment: 'affine',
    extrasPerClass: 2500,
    zeros: 5900,
    bowls: 0,
  },
];

/**
 * Digits MNIST lacks, `perClass` of each: two thirds pen-path forms (datasets/digits/templates.ts),
 * one third rendered from the training-split fonts of the letters build (never its held-out fonts).
 */
function digitExtras(perClass: number, seed: number): Dataset {
  const nFonts = Math.round(perClass / 3);
  const forms = generateDigitForms({ perClass: perClass - nFonts, seed });
  const faces = loadAllFaces().filter((f) => f.split === 'train');
  const fonts = generateSet(DIGIT_CLASSES, faces, { perClass: nFonts, seed: seed + 1 });
  const images = new Float32Array(forms.images.length + fonts.images.length);
  images.set(forms.images);
  for (let i = 0; i < fonts.images.length; i++) images[forms.images.length + i] = fonts.images[i] / 255;
  const labels = new Int32Array(forms.count + fonts.count);
  labels.set(forms.labels);
  labels.set(fonts.labels, forms.count);
  return { images, labels, sampleShape: SAMPLE_SHAPE };
}

/**
 * Letter forms the fonts lack, `perClass` of each class: pen paths of real small (and some capital)
 * forms — looped e/l/h/k/b/d, lead-in strokes, one-stroke a/o/d/g/q — varied as a hand varies them
 * (PEN_FORMS_SYNTH) and rendered through normalizeStrokes.
 */
function letterExtras(perClass: number, seed: number): Dataset {
  const forms = generateLetterForms({ perClass, seed });
  return { images: forms.images, labels: forms.labels, sampleShape: SAMPLE_SHAPE };
}

/** The first `count` zeros of MNIST's training split, labelled with the letters class `O`. */
async function mnistZerosAsO(count: number, classes: readonly string[], dataDir: string): Promise<Dataset> {
  const mnist = await loadDataset('mnist', 'train', { dataDir });
  const o = classes.indexOf('O');
  if (o < 0) throw new Error('--zeros: the dataset has no class O');
  const picked: number[] = [];
  for (let i = 0; i < mnist.labels.length && picked.length < count; i++)
    if (mnist.labels[i] === 0) picked.push(i);
  const images = new Float32Array(picked.length * 784);
  picked.forEach((j, k) => {
    images.set(mnist.images.subarray(j * 784, (j + 1) * 784), k * 784);
  });
  return { images, labels: new Int32Array(picked.length).fill(o), sampleShape: SAMPLE_SHAPE };
}

/** `perLetter` of each bowl letter (a, d, q, g, b, p), each around one of the `zeros` (class O). */
function bowlLetters(perLetter: number, zeros: Dataset, classes: readonly string[], seed: number): Dataset {
  const nz = zeros.labels.length;
  const rng = new Rng(seed);
  const n = perLetter * BOWL_LETTERS.length;
  const images = new Float32Array(n * 784);
  const labels = new Int32Array(n);
  let k = 0;
  for (let j = 0; j < perLetter; j++) {
    for (const letter of BOWL_LETTERS) {
      const i = rng.int(nz);
      images.set(letterFromZero(zeros.images.subarray(i * 784, (i + 1) * 784), letter, rng), k * 784);
      labels[k++] = classes.indexOf(letter.toUpperCase());
    }
  }
  return { images, labels, sampleShape: SAMPLE_SHAPE };
}

/** `a` then `b`, shuffled together (seeded) so the validation tail holds both. */
function mix(a: Dataset, b: Dataset, seed: number): Dataset {
  const n = a.labels.length + b.labels.length;
  const order = new Rng(seed).shuffle(Array.from({ length: n }, (_, i) => i));
  const images = new Float32Array(n * 784);
  const labels = new Int32Array(n);
  const na = a.labels.length;
  order.forEach((j, i) => {
    const src = j < na ? a : b;
    const k = j < na ? j : j - na;
    images.set(src.images.subarray(k * 784, (k + 1) * 784), i * 784);
    labels[i] = src.labels[k];
  });
  return { images, labels, sampleShape: SAMPLE_SHAPE };
}

async function trainOne(d: Default, outDir: string, dataDir: string): Promise<void> {
  const started = Date.now();
  const spec = d.spec;
  const [trainSplit, testSplit] = await Promise.all([
    loadDataset(spec.datasetId, 'train', { dataDir }),
    loadDataset(spec.datasetId, 'test', { dataDir }),
  ]);
  const classes = trainSplit.classes;
  const n = Math.min(spec.limit ?? Infinity, trainSplit.labels.length);
  let trainSet: Dataset = {
    images: trainSplit.images.subarray(0, n * 784),
    labels: trainSplit.labels.subarray(0, n),
    sampleShape: SAMPLE_SHAPE,
  };
  if (d.extrasPerClass > 0) {
    const extras = d.folder === 'letters' ? letterExtras : digitExtras;
    trainSet = mix(trainSet, extras(d.extrasPerClass, spec.seed), spec.seed);
  }
  const synthetic = trainSet.labels.length - n;
  let zeros = 0;
  let bowls = 0;
  if (d.zeros > 0 && d.folder === 'letters') {
    const z = await mnistZerosAsO(d.zeros, classes, dataDir);
    zeros = z.labels.length;
    trainSet = mix(trainSet, z, spec.seed + 1);
    if (d.bowls > 0) {
      const b = bowlLetters(d.bowls, z, classes, spec.seed + 2);
      bowls = b.labels.length;
      trainSet = mix(trainSet, b, spec.seed + 2);
    }
  } else if (d.bowls > 0) {
    throw new Error('--bowls builds letters around the zeros: it needs --zeros > 0 (letters only)');
  }
  const testSet: Dataset = { images: testSplit.images, labels: testSplit.labels, sampleShape: SAMPLE_SHAPE };
  const model = buildModel(spec, classes.length);
  const augment = AUGMENT[d.augment];
  const history: EpochMetrics[] = [];
  process.stderr.write(
    `${d.folder}: ${spec.architecture}, ${trainSet.labels.length} training images (${d.extrasPerClass * classes.length} synthetic), augment ${d.augment}\n`,
  );
  const run = await train(model, trainSet, {
    ...trainOptionsOf(spec),
    augment: augment ? augmentHook(augment) : undefined,
    onEpochEnd: (r) => {
      history.push(epochMetricsOf(r));
      const v = r.valAccuracy === undefined ? '' : ` val acc ${(r.valAccuracy * 100).toFixed(2)}%`;
      process.stderr.write(
        `  ${d.folder}: epoch ${r.epoch + 1}/${spec.epochs} loss ${r.trainLoss.toFixed(4)}${v} ${Math.round(r.seconds)} s\n`,
      );
    },
  });
  if (run.status !== 'completed') throw new Error(`${d.folder}: training ${run.status}`);
  const unipen = unipenAccuracy(model, taskOf(spec.datasetId) === 'letters' ? 'letters' : 'digits');
  const files = writeModel(model, classes);
  const result = {
    model: files,
    evaluation: evaluateOn(model, testSet, classes, spec.datasetId, 'test'),
    history,
    seconds: (Date.now() - started) / 1000,
    parameters: parameterCount(model),
  };
  const e = result.evaluation;
  // The card records when these weights were trained (Models shows it as the built-in's date);
  // two runs of the recipe now differ in these two fields and nowhere else.
  const finishedAt = new Date().toISOString();
  const meta: AppModelMeta = {
    name: d.name,
    datasetId: d.spec.datasetId,
    task: taskOf(d.spec.datasetId),
    classes,
    architecture: d.spec.architecture,
    createdAt: finishedAt,
    metrics: {
      testAccuracy: e.accuracy,
      testLoss: e.loss,
      evaluatedOn: `${e.datasetId} ${e.split} split, ${e.count.toLocaleString('en')} images`,
    },
    evaluation: e,
    training: {
      spec: d.spec,
      history: result.history.map((h) => ({ ...h, seconds: Math.round(h.seconds) })),
      seconds: Math.round(result.seconds),
      finishedAt,
    },
  };
  const json = withAppMeta(result.model.json, meta);
  const payload = {
    summary: summaryOf(`builtin-${d.folder}`, json, result.parameters, true, meta.createdAt),
    json,
    weights: result.model.weights,
  };
  const dir = path.join(outDir, d.folder);
  await writeDirAtomic(dir, {
    'model.json': `${JSON.stringify(json)}\n`,
    'weights.bin': result.model.weights,
    'README.md': `${modelCard(payload)}${trainingNote(d, n, synthetic, zeros, bowls, unipen)}`,
  });
  process.stdout.write(
    `${d.folder}: test accuracy ${(e.accuracy * 100).toFixed(2)}% on ${e.count} images, ` +
      `${result.parameters} parameters (${(result.model.weights.byteLength / 1024).toFixed(0)} KB), ` +
      `${((Date.now() - started) / 1000).toFixed(0)} s → ${dir}\n`,
  );
}

/** Top-1 on the UNIPEN file through the live-drawing path (read-only validation), or null if absent. */
function unipenAccuracy(model: Sequential, task: Task): { accuracy: number; count: number } | null {
  const all = loadUnipen();
  if (all === null) return null;
  const samples = all.filter((s) => classOf(s.label, task) >= 0);
  const x = new Float32Array(samples.length * 784);
  for (let i = 0; i < samples.length; i++) x.set(replay(samples[i].strokes, 'strokes'), i * 784);
  const pred = predictAll(model, x, samples.length);
  let correct = 0;
  samples.forEach((s, i) => {
    if (pred[i] === classOf(s.label, task)) correct++;
  });
  return { accuracy: correct / samples.length, count: samples.length };
}

/** What the generic model card cannot know: the data mix, the augmentation, real handwriting. */
function trainingNote(
  d: Default,
  datasetCount: number,
  synthetic: number,
  zeros: number,
  bowls: number,
  unipen: { accuracy: number; count: number } | null,
): string {
  const lines = [
    '',
    '## How it was made',
    '',
    `Trained by \`scripts/train-defaults.ts\` (seeded; rerun it to reproduce) on ${datasetCount.toLocaleString('en')} images of the \`${d.spec.datasetId}\` training split` +
      (synthetic > 0 && d.folder === 'letters'
        ? ` plus ${synthetic.toLocaleString('en')} synthetic pen-drawn letters the fonts lack (\`datasets/letters/pen-forms.ts\`: looped e, l, h, k, b, d, lead-in strokes on n, m, r, one-stroke a, o, d, g, q, through the live-drawing path)`
        : synthetic > 0
          ? ` plus ${synthetic.toLocaleString('en')} synthetic digits MNIST lacks (two thirds pen-path forms from \`datasets/digits/\` — slashed 0, flagged 1 with a foot, crossed 7, open 4 — one third rendered from the training fonts of the letters build)`
          : '') +
      (zeros > 0
        ? ` plus ${zeros.toLocaleString('en')} real handwritten zeros from MNIST's training split labelled \`O\` (the same shape in handwriting)`
        : '') +
      (bowls > 0
        ? ` plus ${bowls.toLocaleString('en')} small a, d, q, g, b, p built around those zeros (\`datasets/letters/zero-bowls.ts\`: a real bowl and a pen stem)`
        : '') +
      `, ${d.spec.validationSplit * 100} % held out for validation; batch augmentation: ${d.augment}.`,
  ];
  if (unipen) {
    lines.push(
      '',
      `Real handwriting (UNIPEN, pen strokes of real writers replayed through the live-drawing path, never trained on): ` +
        `**${(unipen.accuracy * 100).toFixed(2)} %** top-1 on ${unipen.count.toLocaleString('en')} glyphs. ` +
        'Details and how it was measured: `docs/benchmarks.md`, "Real handwriting (UNIPEN)".',
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      epochs: { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string' },
      arch: { type: 'string' },
      augment: { type: 'string' },
      extras: { type: 'string' },
      zeros: { type: 'string' },
      bowls: { type: 'string' },
      seed: { type: 'string' },
      'label-smoothing': { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  const outDir = path.resolve(values.out ?? path.join(ROOT, 'models'));
  const dataDir = path.resolve(values['data-dir'] ?? path.join(ROOT, 'datasets', 'data'));
  for (const d of DEFAULTS) {
    if (values.only && values.only !== d.folder) continue;
    const spec = { ...d.spec };
    if (values.epochs) spec.epochs = Number(values.epochs);
    if (values.limit) spec.limit = Number(values.limit);
    if (values.arch) Object.assign(spec, specFor(spec.datasetId, d.name, values.arch, spec.epochs));
    if (values.seed) spec.seed = Number(values.seed);
    if (values['label-smoothing']) spec.labelSmoothing = Number(values['label-smoothing']) || undefined;
    const augment = values.augment ?? d.augment;
    if (!(augment in AUGMENT)) throw new Error(`--augment: one of ${Object.keys(AUGMENT).join(', ')}`);
    spec.augmentation = augment !== 'none';
    const extrasPerClass = values.extras === undefined ? d.extrasPerClass : Number(values.extras);
    const zeros = values.zeros === undefined ? d.zeros : Number(values.zeros);
    const bowls = values.bowls === undefined ? d.bowls : Number(values.bowls);
    await trainOne({ ...d, spec, augment, extrasPerClass, zeros, bowls }, outDir, dataDir);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`train-defaults: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
