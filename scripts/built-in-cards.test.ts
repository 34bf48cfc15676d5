// The shipped model cards (models/<name>/) carry the date their weights were trained, which the
// Models screen shows for a built-in: not a placeholder, and the same in model.json and README.md.

import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const MODELS = resolve(import.meta.dirname, '..', 'models');

describe('built-in model cards', () => {
  for (const name of readdirSync(MODELS)) {
    it(`${name}: records when it was trained`, () => {
      const json = JSON.parse(readFileSync(join(MODELS, name, 'model.json'), 'utf8'));
      const meta = json.metadata.glyphLab;
      // The recipe's run records its finish; the model's date is that finish.
      expect(meta.createdAt).toBe(meta.training.finishedAt);
      // Not the old fixed placeholder, and not before the project's first built-in model (2026-11-24).
      expect(meta.createdAt).not.toBe('2026-01-01T00:00:00.000Z');
      expect(Date.parse(meta.createdAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-24T00:00:00Z'));
      const card = readFileSync(join(MODELS, name, 'README.md'), 'utf8');
      expect(card).toContain(`- Created: ${meta.createdAt}`);
    });
  }
});
