// Synthetic pen-drawn digits from the forms in templates.ts, each varied like a hand (slant,
// rotation, aspect, per-stroke offset, wobble, pen width: synth.ts) and entering the network's
// input through normalizeStrokes, the live-drawing path, then a light elastic wobble. Seeded:
// the same options give the same bytes. Meant to be mixed into MNIST for training, never alone.

import { Rng } from '../../engine/rng';
import { Augmenter } from '../augment';
import { LETTERS_AUGMENT } from '../letters/generate';
import { generateForms } from '../letters/pen-forms';
import { DEFAULT_SYNTH, type SynthOptions } from '../letters/synth';
import { DIGIT_FORMS, type DigitForm } from './templates';

export interface DigitFormsOptions {
  readonly perClass: number;
  readonly seed: number;
  readonly synth?: SynthOptions;
}

export interface DigitFormsSet {
  /** [count, 784] in [0, 1], ink = 1. */
  readonly images: Float32Array;
  readonly labels: Int32Array;
  readonly count: number;
}

export function generateDigitForms(opts: DigitFormsOptions): DigitFormsSet {
  const byDigit: DigitForm[][] = Array.from({ length: 10 }, (_, d) =>
    DIGIT_FORMS.filter((f) => f.digit === d),
  );
  const augmenter = new Augmenter(LETTERS_AUGMENT, 28);
  return generateForms(byDigit, opts.perClass, new Rng(opts.seed), opts.synth ?? DEFAULT_SYNTH, augmenter);
}
