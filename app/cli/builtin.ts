// `glyph-lab train --recipe <id> --builtin`: the trained model becomes the shipped one. The folder
// models/<id>/ is replaced whole and atomically: model.json, weights.bin, the model card (README.md)
// and the recipe that made them (recipe.json, carried over unchanged).

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeDirAtomic } from '../../datasets/io/atomic';
import { modelCard } from '../core/model-codec';
import type { ModelPayload } from '../shared/types';

export async function writeBuiltin(dir: string, payload: ModelPayload): Promise<string> {
  const recipe = await readFile(path.join(dir, 'recipe.json'));
  const id = path.basename(dir);
  const shipped: ModelPayload = {
    ...payload,
    summary: { ...payload.summary, id: `builtin-${id}`, builtin: true },
  };
  await writeDirAtomic(dir, {
    'model.json': `${JSON.stringify(payload.json)}\n`,
    'weights.bin': payload.weights,
    'README.md': modelCard(shipped),
    'recipe.json': recipe,
  });
  return dir;
}
