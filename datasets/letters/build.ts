// Build step for `npm run datasets`: the letters set (26 case-merged classes) rendered from fonts
// into datasets/data/letters/ as gzip IDX + manifest (write-dataset.ts). Node-only.
// Skipped when the folder verifies against the same font files and generator settings.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { BuildContext, BuildStep } from '../build/step';
import { sha256, verifyDataset, writeDataset } from '../build/write-dataset';
import { type Face, loadAllFaces, OUTLINE_FONTS, STROKE_FONTS } from './fonts';
import { generateSet, LETTER_CLASSES } from './generate';
import { LETTER_CLASS_NAMES, LETTERS_PER_CLASS } from './info';

/** Bump when the generator's output changes for the same fonts and settings. */
export const LETTERS_GENERATOR_VERSION = 4;

export interface LettersBuildSettings {
  readonly seed: number;
  readonly trainPerClass: number;
  readonly testPerClass: number;
}

export const LETTERS_SETTINGS: LettersBuildSettings = {
  seed: 2024,
  trainPerClass: LETTERS_PER_CLASS.train,
  testPerClass: LETTERS_PER_CLASS.test,
};

const require = createRequire(import.meta.url);

/** Every font file read, with its SHA-256, plus the generator's settings as one more "source". */
export function lettersSources(settings: LettersBuildSettings): { name: string; sha256: string }[] {
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
  return sources;
}

export interface LettersSplits {
  train: { pixels: Uint8Array; labels: Uint8Array };
  test: { pixels: Uint8Array; labels: Uint8Array };
  trainFaces: string[];
  testFaces: string[];
}

/** Generates both splits in memory: train from the training fonts, test from the held-out fonts. */
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
  const test = generateSet(LETTER_CLASSES, testFaces, {
    perClass: settings.testPerClass,
    seed: settings.seed + 1,
  });
  return {
    train: { pixels: train.images, labels: train.labels },
    test: { pixels: test.images, labels: test.labels },
    trainFaces: trainFaces.map((f) => f.name),
    testFaces: testFaces.map((f) => f.name),
  };
}

/** Builds `<dataDir>/letters/` (the step's work, also used with small settings by the tests). */
export async function buildLetters(
  dataDir: string,
  settings: LettersBuildSettings = LETTERS_SETTINGS,
  log: (line: string) => void = () => {},
  faces: Face[] = loadAllFaces(),
): Promise<void> {
  const t0 = performance.now();
  const s = generateLetters(settings, faces);
  const seconds = (performance.now() - t0) / 1000;
  log(
    `letters: generated ${s.train.labels.length} train + ${s.test.labels.length} test images in ${seconds.toFixed(1)} s`,
  );
  await writeDataset(dataDir, {
    id: 'letters',
    classes: [...LETTER_CLASS_NAMES],
    splits: { train: s.train, test: s.test },
    sources: lettersSources(settings),
    build: {
      generator: 'datasets/letters (see README.md)',
      generatorVersion: LETTERS_GENERATOR_VERSION,
      ...settings,
      caseMerged: true,
      trainFaces: s.trainFaces,
      heldOutTestFaces: s.testFaces,
    },
  });
}

export const lettersStep: BuildStep = {
  id: 'letters',
  title: 'Letters A–Z (rendered from handwriting and single-stroke fonts)',
  async run(ctx: BuildContext) {
    const sources = lettersSources(LETTERS_SETTINGS);
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
