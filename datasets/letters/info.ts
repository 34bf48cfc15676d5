// The letters dataset's registry entry (browser-safe: no Node). Sizes and provenance must match
// what build.ts writes; build.test.ts checks that they do.

import type { BundledDatasetInfo } from '../bundled-datasets';
import { PEN_LETTERS, UNIPEN_CREDIT, UNIPEN_WRITER_SPLIT } from '../handwriting/info';
import { TEST_DONORS } from '../handwriting/writers';

/** Font letters per class in the training split. */
export const LETTERS_PER_CLASS = { train: 6000 } as const;

export const LETTER_CLASS_NAMES: readonly string[] = Array.from({ length: 26 }, (_, i) =>
  String.fromCharCode(65 + i),
);

export const LETTERS: BundledDatasetInfo = {
  id: 'letters',
  title: 'Handwritten letters A–Z (handwriting fonts + real pen letters; tested on writers never trained on)',
  task: 'letters',
  classes: LETTER_CLASS_NAMES,
  sizes: {
    train: 26 * LETTERS_PER_CLASS.train + PEN_LETTERS.sizes.train,
    test: PEN_LETTERS.sizes.test,
  },
  sampleShape: [1, 28, 28],
  writerSplit: UNIPEN_WRITER_SPLIT,
  provenance: {
    source:
      'Two parts. (1) Real pen letters, capital and small, from the UNIPEN Train-R01/V07 release (see the pen-letters set): ' +
      `training donors in the training split; the test split is the donors ${TEST_DONORS.join(', ')} only, writers never trained on. ` +
      '(2) Rendered by Glyph Lab from 28 OFL-1.1 / Apache-2.0 handwriting font families shipped by @fontsource npm packages and 12 single-stroke fonts shipped by hersheytext (Hershey fonts and EMS single-line OFL fonts). Case-merged: class A holds both "A" and "a", as EMNIST Letters does.',
    authors: `Glyph Lab (generator); the font authors listed in datasets/letters/README.md; pen letters: ${UNIPEN_CREDIT}`,
    url: 'datasets/letters/README.md',
    licence:
      'Pen letters CC BY 4.0 (UNIPEN); generated letters from fonts under OFL-1.1, Apache-2.0 and the Hershey fonts’ permissive terms (see README)',
    processing:
      'Each glyph is slanted, rotated, stretched, wobbled and given a hand-drawn pen width; single-stroke glyphs go through normalizeStrokes (as a live drawing does), outline glyphs are filled and go through normalizeImage; then a light elastic distortion; the pen letters go through normalizeStrokes. Seeded: the same seed gives identical bytes.',
  },
};
