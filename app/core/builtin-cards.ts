// The model card of a shipped model (models/<id>/README.md), rendered from its model.json exactly as the
// Models screen and an export render it. `npm run model-cards` rewrites the shipped cards after the card's
// layout changes (no retraining); scripts/built-in-cards.test.ts checks that each one is current.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { modelCard, modelChecks } from './model-codec';
import { ModelStore } from './stores/model-store';

/** The card each built-in model in `builtinDir` should carry, by folder name. */
export async function builtinCards(builtinDir: string): Promise<Map<string, string>> {
  const userDir = await mkdtemp(path.join(tmpdir(), 'glyph-cards-'));
  try {
    const store = new ModelStore(userDir, builtinDir, modelChecks);
    const cards = new Map<string, string>();
    for (const summary of await store.list()) {
      if (!summary.builtin) continue;
      cards.set(summary.id.replace(/^builtin-/, ''), modelCard(await store.get(summary.id)));
    }
    return cards;
  } finally {
    await rm(userDir, { recursive: true, force: true });
  }
}
