// The model files seen through the engine: validation (format, version, layer registry, weight
// count), the engine version, and export.

import type { ModelFiles } from '../shared/trainer-protocol';
import { CoreError } from './errors';
import type { ModelStore } from './model-store';

export function engineVersion(): string {
  return '0';
}

export function validateModel(files: ModelFiles): { parameters: number } {
  const { json, weights } = files;
  if (typeof json.format !== 'string') throw new Error('no model format');
  if (weights.byteLength % 4 !== 0) throw new Error('weights are not float32');
  return { parameters: weights.byteLength / 4 };
}

export async function exportModel(
  _models: ModelStore,
  _id: string,
  _format: 'native' | 'onnx',
  _target: string,
): Promise<{ path: string }> {
  throw new CoreError('unsupported', 'export is not yet supported');
}
