// The letters dataset's registry entry (browser-safe: no Node). Sizes and provenance must match
// what build.ts writes; build.test.ts checks that they do.

import type { BundledDatasetInfo } from '../bundled-datasets';

/** Samples per class in each split. */
export const LETTERS_PER_CLASS = { train: 6000, test: 400 } as const;

export const LETTER_CLASS_NAMES: readonly string[] = Array.from({ length: 26 }, (_, i) =>
  String.fromCharCode(65 + i),
);

export const LETTERS: BundledDatasetInfo = {
  id: 'letters',
  title: 'Handwritten letters A–Z (synthesized from handwriting fonts)',
  task: 'letters',
  classes: LETTER_CLASS_NAMES,
  sizes: { train: 26 * LETTERS_PER_CLASS.train, test: 26 * LETTERS_PER_CLASS.test },
  sampleShape: [1, 28, 28],
  provenance: {
    source:
      'Rendered by Glyph Lab from 28 OFL-1.1 / Apache-2.0 handwriting font families shipped by @fontsource npm packages and 12 single-stroke fonts shipped by hersheytext (Hershey fonts and EMS single-line OFL fonts). Case-merged: class A holds both "A" and "a", as EMNIST Letters does.',
    authors: 'Glyph Lab (generator); the font authors listed in datasets/letters/README.md',
    url: 'datasets/letters/README.md',
    licence:
      'Generated data; fonts under OFL-1.1, Apache-2.0 and the Hershey fonts’ permissive terms (see README)',
    processing:
      'Each glyph is slanted, rotated, stretched, wobbled and given a hand-drawn pen width; single-stroke glyphs go through normalizeStrokes (as a live drawing does), outline glyphs are filled and go through normalizeImage; then a light elastic distortion. Whole fonts are held out for the test split. Seeded: the same seed gives identical bytes.',
  },
};
