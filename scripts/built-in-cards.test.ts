// The shipped models (models/<id>/) come from the recipe beside them: each folder holds a recipe.json
// that parses with the recipe schema and is named by its folder (what `glyph-lab train --recipe <id>
// --builtin` runs), and a model card carrying the date its weights were trained, which the Models
// screen shows for a built-in: not a placeholder, and the same in model.json and README.md.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtinCards } from '../app/core/builtin-cards';
import { recipeSchema } from '../app/shared/recipe';

const MODELS = resolve(import.meta.dirname, '..', 'models');
const BUILT_IN = readdirSync(MODELS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name);

describe('built-in models', () => {
  it('there are built-in models (digits and letters at least)', () => {
    expect(BUILT_IN).toEqual(expect.arrayContaining(['digits', 'letters']));
  });

  for (const id of BUILT_IN) {
    it(`${id}: has its recipe, named by its folder`, () => {
      const parsed = recipeSchema.safeParse(
        JSON.parse(readFileSync(join(MODELS, id, 'recipe.json'), 'utf8')),
      );
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(parsed.data?.id).toBe(id);
    });

    it(`${id}: records when it was trained`, () => {
      const json = JSON.parse(readFileSync(join(MODELS, id, 'model.json'), 'utf8'));
      const meta = json.metadata.glyphLab;
      // The recipe's run records its finish; the model's date is that finish.
      expect(meta.createdAt).toBe(meta.training.finishedAt);
      // Not the old fixed placeholder, and not before the project's first built-in model (2026-11-24).
      expect(meta.createdAt).not.toBe('2026-01-01T00:00:00.000Z');
      expect(Date.parse(meta.createdAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-24T00:00:00Z'));
      const card = readFileSync(join(MODELS, id, 'README.md'), 'utf8');
      expect(card).toContain(`- Created: ${meta.createdAt}`);
    });

    it(`${id}: was trained by its recipe, and its card is current (npm run model-cards)`, async () => {
      const json = JSON.parse(readFileSync(join(MODELS, id, 'model.json'), 'utf8'));
      expect(json.metadata.glyphLab.training.spec.recipe).toBe(id);
      expect(json.metadata.glyphLab.recipe.id).toBe(id);
      const card = readFileSync(join(MODELS, id, 'README.md'), 'utf8');
      expect(card).toBe((await builtinCards(MODELS)).get(id));
    });
  }
});
