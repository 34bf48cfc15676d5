// Generates a labelled set from faces: for each class, samples spread evenly over the faces that
// have one of the class's characters, each varied by synthesize(). Seeded; classes interleaved and
// then shuffled, so any prefix of the set is balanced-ish and the bytes depend only on the seed.

import { Rng } from '../../engine/rng';
import { Augmenter, type AugmentOptions } from '../augment';
import type { Face } from './fonts';
import { DEFAULT_SYNTH, type SynthOptions, synthesize } from './synth';

/** 26 case-merged classes, as EMNIST Letters: class 0 is 'A' or 'a' … class 25 is 'Z' or 'z'. */
export const LETTER_CLASSES: readonly (readonly string[])[] = Array.from({ length: 26 }, (_, i) => [
  String.fromCharCode(65 + i),
  String.fromCharCode(97 + i),
]);

export const LETTER_LABELS: readonly string[] = LETTER_CLASSES.map((c) => c[0]);

/** 10 digit classes (used to render digits from held-out fonts for the handwriting bench). */
export const DIGIT_CLASSES: readonly (readonly string[])[] = Array.from({ length: 10 }, (_, i) => [
  String(i),
]);

export interface GeneratedSet {
  /** [n, 28, 28] uint8, ink = 255. */
  readonly images: Uint8Array;
  /** [n] class indices. */
  readonly labels: Uint8Array;
  readonly count: number;
}

export interface GenerateOptions {
  readonly perClass: number;
  readonly seed: number;
  /** Share of samples drawn from single-stroke faces when the face list has any (default 0.4). */
  readonly strokeShare?: number;
  /** For two-character classes (A/a), the share of the second, small form (default 0.6). */
  readonly lowerShare?: number;
  readonly synth?: SynthOptions;
  /** Raster augmentation after normalization (elastic wobble, small shifts); default LETTERS_AUGMENT. */
  readonly augment?: AugmentOptions;
}

/**
 * After the vector-level variation in synth.ts (slant, rotation, aspect, pen width) only what vectors
 * cannot give is left to the raster: Simard's elastic field, a pixel of shift, a touch of thickness.
 */
export const LETTERS_AUGMENT: AugmentOptions = {
  rotation: 0,
  scale: 0.05,
  shear: 0,
  translate: 0.5,
  elasticAlpha: 18,
  elasticSigma: 4,
  thickness: 0.2,
  probability: 0.8,
};

const PIXELS = 784;

/** Renders `perClass` samples of every class from `faces` (all of which must be usable for the split). */
export function generateSet(
  classes: readonly (readonly string[])[],
  faces: readonly Face[],
  opts: GenerateOptions,
): GeneratedSet {
  const rng = new Rng(opts.seed);
  const strokeShare = opts.strokeShare ?? 0.4;
  const lowerShare = opts.lowerShare ?? 0.6;
  const synth = opts.synth ?? DEFAULT_SYNTH;
  const augmenter = new Augmenter(opts.augment ?? LETTERS_AUGMENT, 28);
  const n = classes.length * opts.perClass;
  const images = new Uint8Array(n * PIXELS);
  const labels = new Uint8Array(n);
  // Per class and character, the faces that have it, split by kind.
  const options = classes.map((chars) =>
    chars.map((ch) => {
      const have = faces.filter((f) => f.glyph(ch) !== null);
      const strokes = have.filter((f) => f.kind === 'strokes');
      const outlines = have.filter((f) => f.kind === 'outline');
      if (have.length === 0) throw new Error(`generateSet: no face has ${ch}`);
      return { ch, strokes, outlines };
    }),
  );
  let k = 0;
  for (let j = 0; j < opts.perClass; j++) {
    for (let c = 0; c < classes.length; c++) {
      const forms = options[c];
      const form = forms.length === 2 ? forms[rng.next() < lowerShare ? 1 : 0] : forms[rng.int(forms.length)];
      const { ch, strokes, outlines } = form;
      const useStrokes = strokes.length > 0 && (outlines.length === 0 || rng.next() < strokeShare);
      const face = pickWeighted(useStrokes ? strokes : outlines, rng);
      const x = synthesize(face.glyph(ch)!, rng, synth);
      augmenter.apply(x, 1, rng);
      const base = k * PIXELS;
      for (let i = 0; i < PIXELS; i++) images[base + i] = Math.round(Math.min(1, Math.max(0, x[i])) * 255);
      labels[k] = c;
      k++;
    }
  }
  shuffleSamples(images, labels, rng);
  return { images, labels, count: n };
}

/** A face chosen with probability proportional to its weight. */
function pickWeighted(faces: readonly Face[], rng: Rng): Face {
  let total = 0;
  for (const f of faces) total += f.weight;
  let r = rng.next() * total;
  for (const f of faces) {
    r -= f.weight;
    if (r < 0) return f;
  }
  return faces[faces.length - 1];
}

/** Fisher–Yates over samples (image rows and labels together). */
function shuffleSamples(images: Uint8Array, labels: Uint8Array, rng: Rng): void {
  const tmp = new Uint8Array(PIXELS);
  for (let i = labels.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    if (i === j) continue;
    tmp.set(images.subarray(i * PIXELS, (i + 1) * PIXELS));
    images.copyWithin(i * PIXELS, j * PIXELS, (j + 1) * PIXELS);
    images.set(tmp, j * PIXELS);
    const l = labels[i];
    labels[i] = labels[j];
    labels[j] = l;
  }
}
