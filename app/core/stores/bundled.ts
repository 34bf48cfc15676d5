// The bundled datasets (mnist, letters) as the datasets registry describes them, and whether their
// data files have been built into `dataDir` (`<dataDir>/<id>/manifest.json`).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { listDatasets } from '../../../datasets/registry';
import type { Task } from '../../shared/types';

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

export function listBundled(dataDir: string): BundledDataset[] {
  return listDatasets()
    .filter((d) => d.task !== 'custom')
    .map((d) => ({
      id: d.id,
      title: d.title,
      task: d.task,
      classes: [...d.classes],
      sizes: { train: d.sizes.train, test: d.sizes.test },
      provenance: `${d.provenance.source} ${d.provenance.authors}; ${d.provenance.licence}. ${d.provenance.processing}`,
      available: existsSync(path.join(dataDir, d.id, 'manifest.json')),
    }));
}
