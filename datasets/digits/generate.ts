// Synthetic pen-drawn digits from the forms in templates.ts, each varied like a hand (slant,
// rotation, aspect, per-stroke offset, wobble, pen width: synth.ts) and entering the network's
// input through normalizeStrokes, the live-drawing path, then a light elastic wobble. Seeded:
// the same options give the same bytes. Meant to be mixed into MNIST for training, never alone.

import { Rng } from '../../engine/rng';
import { Augmenter } from '../augment';
import { LETTERS_AUGMENT } from '../letters/generate';
import { DEFAULT_SYNTH, type SynthOptions, synthFromStrokes } from '../letters/synth';
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
  const rng = new Rng(opts.seed);
  const synth = opts.synth ?? DEFAULT_SYNTH;
  const augmenter = new Augmenter(LETTERS_AUGMENT, 28);
  const byDigit: DigitForm[][] = Array.from({ length: 10 }, (_, d) =>
    DIGIT_FORMS.filter((f) => f.digit === d),
  );
  const count = 10 * opts.perClass;
  const images = new Float32Array(count * 784);
  const labels = new Int32Array(count);
  let k = 0;
  for (let j = 0; j < opts.perClass; j++) {
    for (let d = 0; d < 10; d++) {
      const forms = byDigit[d];
      let r = rng.next() * forms.reduce((s, f) => s + f.weight, 0);
      let form = forms[forms.length - 1];
      for (const f of forms) {
        r -= f.weight;
        if (r < 0) {
          form = f;
          break;
        }
      }
      const x = synthFromStrokes(form.strokes, rng, synth);
      augmenter.apply(x, 1, rng);
      for (let i = 0; i < 784; i++) x[i] = Math.min(1, Math.max(0, x[i]));
      images.set(x, k * 784);
      labels[k] = d;
      k++;
    }
  }
  return { images, labels, count };
}
