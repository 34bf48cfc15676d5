// Evaluation of a stored model on a dataset's test split, and images of a split by index.

import type { Evaluation, ModelPayload } from '../shared/types';
import type { DatasetRegistry } from './dataset-registry';
import { CoreError } from './errors';

export async function evaluateModel(
  _datasets: DatasetRegistry,
  _model: ModelPayload,
  _datasetId?: string,
): Promise<Evaluation> {
  throw new CoreError('unsupported', 'not yet');
}

export async function datasetImages(
  _datasets: DatasetRegistry,
  _id: string,
  _split: 'train' | 'test',
  _indices: number[],
): Promise<{ images: Uint8Array; labels: string[] }> {
  throw new CoreError('unsupported', 'not yet');
}
