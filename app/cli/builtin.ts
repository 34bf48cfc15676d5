// `glyph-lab train --recipe <id> --builtin`: the trained model becomes the shipped one. The folder
// models/<id>/ is replaced whole and atomically (model.json, weights.bin, and the recipe that made them,
// recipe.json, carried over unchanged), then its model card (README.md) is rendered from the files just
// written, as the shipped model shows it.

import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeDirAtomic, writeFileAtomic } from '../../datasets/io/atomic';
import { builtinCards } from '../core/builtin-cards';
import type { ModelPayload } from '../shared/types';

export async function writeBuiltin(dir: string, payload: ModelPayload): Promise<string> {
  const recipe = await readFile(path.join(dir, 'recipe.json'));
  await writeDirAtomic(dir, {
    'model.json': `${JSON.stringify(payload.json)}\n`,
    'weights.bin': payload.weights,
    'recipe.json': recipe,
  });
  const card = (await builtinCards(path.dirname(dir))).get(path.basename(dir));
  if (card === undefined) throw new Error(`${dir}: the model just written does not load as a built-in model`);
  await writeFileAtomic(path.join(dir, 'README.md'), card);
  return dir;
}
