// The registry entries of the bundled pen handwriting sets (browser-safe). Sizes must match what
// build.ts writes (build.test.ts checks them against the bundled file).

import type { BundledDatasetInfo, Provenance } from '../bundled-datasets';
import { TEST_DONORS, VALIDATION_DONORS } from './writers';

/** The writer split, as the registry records it. */
export const UNIPEN_WRITER_SPLIT = { testDonors: TEST_DONORS, validationDonors: VALIDATION_DONORS } as const;

/** The credit the licence asks for, where users and redistributors see it. */
export const UNIPEN_CREDIT =
  'Unipen data set of on-line (vectorial) handwriting, train_r01_v07 (December 1999), The International Unipen Foundation. Zenodo, doi:10.5281/zenodo.1195803. CC BY 4.0. I. Guyon, L. Schomaker, R. Plamondon, M. Liberman and S. Janet, "UNIPEN project of on-line data exchange and recognizer benchmarks", Proc. 12th ICPR, 1994, pp. 29–33.';

const UNIPEN_PROVENANCE: Provenance = {
  source:
    'Real pen handwriting: isolated characters written on digitizing tablets by writers of 11 labs (donors app, kai, apa, ibm, syn, mot, uqb, ceb, pri, sie, lou) of the UNIPEN Train-R01/V07 release, categories 1a (digits), 1b (capitals) and 1c (small letters).',
  authors:
    'The International Unipen Foundation; I. Guyon, L. Schomaker, R. Plamondon, M. Liberman, S. Janet (UNIPEN project)',
  url: 'https://doi.org/10.5281/zenodo.1195803',
  licence: 'CC BY 4.0',
  processing: `Samples the source marks as problematic left out; converted to JSON strokes (datasets/handwriting/unipen-dev.json.gz); each glyph's pen strokes rendered through normalizeStrokes, as a live drawing is. Split by writer: the donors ${TEST_DONORS.join(', ')} are the test split, the others training; letters case-merged.`,
};

/** Per split, as the build writes them. */
export const PEN_SIZES = {
  digits: { train: 6_798, test: 1_368 },
  letters: { train: 35_220, test: 11_558 },
  characters: { train: 6_798 + 35_220, test: 1_368 + 11_558 },
} as const;

type PenTask = keyof typeof PEN_SIZES;

/** The registry entry of pen set `pen-<task>`: 28×28 images, UNIPEN's provenance and writer split. */
function penSet(task: PenTask, title: string, classes: readonly string[]): BundledDatasetInfo {
  return {
    id: `pen-${task}`,
    title,
    task,
    classes,
    sizes: PEN_SIZES[task],
    sampleShape: [1, 28, 28],
    provenance: UNIPEN_PROVENANCE,
    writerSplit: UNIPEN_WRITER_SPLIT,
  };
}

export const PEN_DIGITS = penSet(
  'digits',
  'Pen digits 0–9 (real handwriting, UNIPEN; tested on writers never trained on)',
  ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
);

export const PEN_LETTERS = penSet(
  'letters',
  'Pen letters A–Z (real handwriting, UNIPEN, case-merged; tested on writers never trained on)',
  Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i)),
);

/** Digits and letters together, as a line of handwriting mixes them (issue 19's Characters task). */
export const PEN_CHARACTERS = penSet(
  'characters',
  'Pen characters 0–9 and A–Z (real handwriting, UNIPEN, case-merged; tested on writers never trained on)',
  [...PEN_DIGITS.classes, ...PEN_LETTERS.classes],
);

/** The registry entry of a task's pen set. */
export function penSetOf(task: PenTask): BundledDatasetInfo {
  return task === 'digits' ? PEN_DIGITS : task === 'letters' ? PEN_LETTERS : PEN_CHARACTERS;
}
