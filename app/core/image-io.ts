// Image files in and out of custom datasets through the datasets import/export code.

import type { ImportReport } from '../shared/types';
import type { DatasetRegistry } from './dataset-registry';
import { CoreError } from './errors';
import type { SampleStore } from './sample-store';

export async function importImages(
  _samples: SampleStore,
  _datasetId: string,
  _label: string | undefined,
  _paths: string[],
): Promise<ImportReport> {
  throw new CoreError('unsupported', 'not yet');
}

export async function exportDataset(
  _datasets: DatasetRegistry,
  _id: string,
  _target: string,
): Promise<{ path: string }> {
  throw new CoreError('unsupported', 'not yet');
}
