// The bundled datasets (mnist, letters) as the datasets registry describes them, and whether their
// data files have been built into `dataDir`.

import type { Task } from '../shared/types';

export interface BundledDataset {
  id: string;
  title: string;
  task: Task;
  classes: string[];
  sizes: { train: number; test: number };
  provenance: string;
  /** The data files exist (built by `npm run datasets`). */
  available: boolean;
}

export function listBundled(_dataDir: string): BundledDataset[] {
  // TODO(datasets/registry.ts): list from the datasets registry once it lands.
  return [];
}
