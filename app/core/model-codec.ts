// The model files seen through the engine: validation (format, version, layer registry, weight
// count), the engine version, and export (native folder with a model card; ONNX through the engine).

import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { ModelFiles } from '../shared/trainer-protocol';
import type { ModelPayload } from '../shared/types';
import { checkModel, ENGINE_VERSION, toOnnx } from './engine-model';
import { CoreError } from './errors';
import { exists, replaceDirAtomic, writeFileAtomic } from './fs-atomic';
import { readAppMeta } from './model-meta';
import { MODEL_JSON, type ModelStore, WEIGHTS_BIN } from './model-store';

export function engineVersion(): string {
  return ENGINE_VERSION;
}

/** Throws a one-line reason unless the engine can load this model; returns its parameter count. */
export function validateModel(files: ModelFiles): { parameters: number } {
  return { parameters: checkModel(files) };
}

/** A short human-readable description shipped next to an exported model. */
export function modelCard(payload: ModelPayload): string {
  const s = payload.summary;
  const meta = readAppMeta(payload.json);
  const layers = Array.isArray(payload.json.layers)
    ? (payload.json.layers as { type: string; config?: unknown }[])
        .map((l) => `- ${l.type} ${JSON.stringify(l.config ?? {})}`)
        .join('\n')
    : '(see model.json)';
  const m = s.metrics;
  const training = meta.training
    ? `Trained for ${meta.training.history.length} epoch(s) in ${meta.training.seconds.toFixed(1)} s with ` +
      `${meta.training.spec.optimizer.type}, learning rate ${meta.training.spec.learningRate}, ` +
      `batch ${meta.training.spec.batchSize}, seed ${meta.training.spec.seed}` +
      `${meta.training.spec.limit ? `, on the first ${meta.training.spec.limit} training images` : ''}.`
    : 'No training record.';
  return `# ${s.name}

A Glyph Lab model (${s.architecture}, ${s.parameters.toLocaleString('en')} parameters) recognizing
${s.classes.length} classes of the \`${s.datasetId}\` dataset: ${s.classes.join(' ')}

- Test accuracy: ${m.testAccuracy === undefined ? 'not measured' : `${(m.testAccuracy * 100).toFixed(2)} %`}${m.evaluatedOn ? ` (${m.evaluatedOn})` : ''}
- Created: ${s.createdAt}
- ${training}

## Input

A 28×28 grey image, values in [0, 1] with ink = 1 on paper = 0, normalized like MNIST: cropped to
the ink, scaled so the longer side is 20 pixels, centred by centre of mass. Batch first, [N, 1, 28, 28].

## Output

One score (logit) per class, in the order above; softmax gives the confidences.

## Files

- \`${MODEL_JSON}\`: the engine's versioned model description (layers, classes, metadata).
- \`${WEIGHTS_BIN}\`: every parameter as little-endian float32, in layer order.

## Layers

${layers}
`;
}

/** Export a model: `native` writes a folder (model.json, weights.bin, README.md); `onnx` one .onnx file. */
export async function exportModelFiles(
  payload: ModelPayload,
  format: 'native' | 'onnx',
  target: string,
): Promise<{ path: string }> {
  if (format === 'onnx') {
    const file = target.toLowerCase().endsWith('.onnx') ? target : `${target}.onnx`;
    let bytes: Uint8Array;
    try {
      bytes = toOnnx(payload, payload.summary.name);
    } catch (error) {
      throw new CoreError(
        'unsupported',
        `ONNX export failed: ${error instanceof Error ? error.message : error}`,
      );
    }
    await writeFileAtomic(file, bytes);
    return { path: file };
  }
  let dir = path.resolve(target);
  const stat = await fs.stat(dir).catch(() => null);
  if (stat && !stat.isDirectory())
    throw new CoreError('invalid', `${target} is a file; give a folder for a native export`);
  if (stat && !(await exists(path.join(dir, MODEL_JSON)))) {
    // An existing folder that is not a model (say ~/Documents): export into a new folder inside it.
    const name =
      payload.summary.name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|-+$/g, '') || payload.summary.id;
    dir = path.join(dir, name);
  }
  await replaceDirAtomic(dir, {
    [MODEL_JSON]: `${JSON.stringify(payload.json)}\n`,
    [WEIGHTS_BIN]: payload.weights,
    'README.md': modelCard(payload),
  });
  return { path: dir };
}

export async function exportModel(
  models: ModelStore,
  id: string,
  format: 'native' | 'onnx',
  target: string,
): Promise<{ path: string }> {
  return exportModelFiles(await models.get(id), format, target);
}
