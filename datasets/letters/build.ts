// Build step for `npm run datasets`: the letters set (26 case-merged classes) into datasets/data/letters/
// as gzip IDX + manifest (write-dataset.ts). Node-only. Training split: letters rendered from the
// training fonts, then the real pen letters of the training donors (read from the built pen-letters
// set, with its donor ranges). Test split: the pen letters of the test donors, writers no model saw.
// Skipped when the folder verifies against the same font files, generator settings and pen set.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BuildContext, BuildStep } from '../build/step';
import { sha256, verifyDataset, writeDataset } from '../build/write-dataset';
import { type DonorRange, donorRanges } from '../handwriting/donors';
import { PEN_LETTERS } from '../handwriting/info';
import { loadDatasetBytes, readManifest } from '../load';
import { type Face, loadAllFaces, OUTLINE_FONTS, STROKE_FONTS } from './fonts';
import { generateSet, LETTER_CLASSES } from './generate';
import { LETTER_CLASS_NAMES, LETTERS_PER_CLASS } from './info';

/** Bump when the generator's output changes for the same fonts and settings. */
export const LETTERS_GENERATOR_VERSION = 5;

export interface LettersBuildSettings {
  readonly seed: number;
  readonly trainPerClass: number;
}

export const LETTERS_SETTINGS: LettersBuildSettings = {
  seed: 2024,
  trainPerClass: LETTERS_PER_CLASS.train,
};

const require = createRequire(import.meta.url);

/**
 * Every font file read, with its SHA-256, plus the generator's settings and the pen-letters manifest
 * (when given) as more "sources".
 */
export function lettersSources(
  settings: LettersBuildSettings,
  penManifest?: Uint8Array,
): { name: string; sha256: string }[] {
  const files: string[] = [];
  for (const f of OUTLINE_FONTS) {
    const dir = dirname(require.resolve(`@fontsource/${f.family}/package.json`));
    for (const w of f.weights) files.push(join(dir, 'files', `${f.family}-latin-${w}-normal.woff`));
  }
  const hershey = join(dirname(require.resolve('hersheytext/package.json')), 'svg_fonts');
  for (const f of STROKE_FONTS) files.push(join(hershey, f.file));
  const sources = files.map((path) => ({
    name: path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length),
    sha256: sha256(readFileSync(path)),
  }));
  const generator = JSON.stringify({ version: LETTERS_GENERATOR_VERSION, ...settings });
  sources.push({ name: `generator ${generator}`, sha256: sha256(new TextEncoder().encode(generator)) });
  if (penManifest) sources.push({ name: 'pen-letters/manifest.json', sha256: sha256(penManifest) });
  return sources;
}

export interface LettersSplits {
  train: { pixels: Uint8Array; labels: Uint8Array };
  trainFaces: string[];
  testFaces: string[];
}

/** The font part of the training split, from the training fonts (the held-out fonts stay unused). */
export function generateLetters(
  settings: LettersBuildSettings,
  faces: Face[] = loadAllFaces(),
): LettersSplits {
  const trainFaces = faces.filter((f) => f.split === 'train');
  const testFaces = faces.filter((f) => f.split === 'test');
  const train = generateSet(LETTER_CLASSES, trainFaces, {
    perClass: settings.trainPerClass,
    seed: settings.seed,
  });
  return {
    train: { pixels: train.images, labels: train.labels },
    trainFaces: trainFaces.map((f) => f.name),
    testFaces: testFaces.map((f) => f.name),
  };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Builds `<dataDir>/letters/` from the fonts and the pen-letters set already built in `dataDir`. */
export async function buildLetters(
  dataDir: string,
  settings: LettersBuildSettings = LETTERS_SETTINGS,
  log: (line: string) => void = () => {},
  faces: Face[] = loadAllFaces(),
): Promise<void> {
  const t0 = performance.now();
  const s = generateLetters(settings, faces);
  const [penManifest, penManifestBytes, penTrain, penTest] = await Promise.all([
    readManifest(PEN_LETTERS.id, { dataDir }),
    readFile(join(dataDir, PEN_LETTERS.id, 'manifest.json')),
    loadDatasetBytes(PEN_LETTERS.id, 'train', { dataDir }),
    loadDatasetBytes(PEN_LETTERS.id, 'test', { dataDir }),
  ]);
  const fonts = s.train.labels.length;
  // the pen donors' ranges, shifted past the font letters
  const donors: DonorRange[] = donorRanges(penManifest, 'train').map((r) => ({
    ...r,
    start: r.start + fonts,
  }));
  const seconds = (performance.now() - t0) / 1000;
  log(
    `letters: ${fonts} font + ${penTrain.labels.length} pen training images, ${penTest.labels.length} pen test images in ${seconds.toFixed(1)} s`,
  );
  await writeDataset(dataDir, {
    id: 'letters',
    classes: [...LETTER_CLASS_NAMES],
    splits: {
      train: {
        pixels: concat(s.train.pixels, penTrain.pixels),
        labels: concat(s.train.labels, Uint8Array.from(penTrain.labels)),
      },
      test: { pixels: penTest.pixels, labels: Uint8Array.from(penTest.labels) },
    },
    sources: lettersSources(settings, penManifestBytes),
    build: {
      generator: 'datasets/letters (see README.md)',
      generatorVersion: LETTERS_GENERATOR_VERSION,
      ...settings,
      caseMerged: true,
      fontImages: fonts,
      trainFaces: s.trainFaces,
      unusedHeldOutFaces: s.testFaces,
      penImages: { train: penTrain.labels.length, test: penTest.labels.length },
      donors: { train: donors, test: donorRanges(penManifest, 'test') },
    },
  });
}

export const lettersStep: BuildStep = {
  id: 'letters',
  title: 'Letters A–Z (handwriting fonts and real pen letters; tested on held-out writers)',
  async run(ctx: BuildContext) {
    let pen: Uint8Array;
    try {
      pen = await readFile(join(ctx.dataDir, PEN_LETTERS.id, 'manifest.json'));
    } catch {
      throw new Error('letters: needs the pen-letters set: build it first (npm run datasets)');
    }
    const sources = lettersSources(LETTERS_SETTINGS, pen);
    if (!ctx.force) {
      const v = await verifyDataset(ctx.dataDir, 'letters', sources);
      if (v.ok) return 'up to date';
      ctx.log(`letters: building (${v.reason})`);
    }
    await buildLetters(ctx.dataDir, LETTERS_SETTINGS, ctx.log);
    const v = await verifyDataset(ctx.dataDir, 'letters', sources);
    if (!v.ok) throw new Error(`letters: the files just written do not verify: ${v.reason}`);
    return 'built';
  },
};
