// `npm run model-cards`: rewrite models/<id>/README.md from each shipped model.json (after the model
// card's layout changes; the weights and figures are untouched).

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinCards } from '../app/core/builtin-cards';
import { writeFileAtomic } from '../datasets/io/atomic';

const MODELS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'models');
for (const [id, card] of await builtinCards(MODELS)) {
  await writeFileAtomic(path.join(MODELS, id, 'README.md'), card);
  console.log(`model-cards: models/${id}/README.md`);
}
