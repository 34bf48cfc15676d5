// The built-in recipes: `<models>/<id>/recipe.json` beside each built-in model, checked against the
// recipe schema when read. A recipe that does not parse is reported by name, never half-used.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { parseJson } from '../../../datasets/json-text';
import { CoreError } from '../../shared/errors';
import { type Recipe, recipeSchema } from '../../shared/recipe';

/** Larger than any recipe we write; a bigger file is not one. */
const MAX_RECIPE_BYTES = 256 * 1024;

export class RecipeCatalog {
  constructor(private readonly builtinDir: string) {}

  /** Every built-in recipe, by folder name; unreadable ones are skipped (and logged by the caller). */
  async list(log: (line: string) => void = () => {}): Promise<Recipe[]> {
    let names: string[];
    try {
      names = (await fs.readdir(this.builtinDir, { withFileTypes: true }))
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort();
    } catch {
      return [];
    }
    const out: Recipe[] = [];
    for (const name of names) {
      try {
        out.push(await this.get(name));
      } catch (error) {
        if ((error as CoreError).code !== 'not-found') log(`recipes: ${name}: ${(error as Error).message}`);
      }
    }
    return out;
  }

  async get(id: string): Promise<Recipe> {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
      throw new CoreError('invalid', `no built-in recipe ${JSON.stringify(id)}`);
    const file = path.join(this.builtinDir, id, 'recipe.json');
    let text: string;
    try {
      const stat = await fs.stat(file);
      if (stat.size > MAX_RECIPE_BYTES) throw new CoreError('invalid', `${file} is too large for a recipe`);
      text = await fs.readFile(file, 'utf8');
    } catch (error) {
      if (error instanceof CoreError) throw error;
      throw new CoreError('not-found', `no built-in recipe "${id}" (no ${file})`);
    }
    const parsed = recipeSchema.safeParse(parseJson(text, file));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CoreError(
        'invalid',
        `${file}: ${issue?.path.join('.') || 'recipe'}: ${issue?.message ?? 'invalid'}`,
      );
    }
    if (parsed.data.id !== id)
      throw new CoreError('invalid', `${file}: its id "${parsed.data.id}" is not its folder's`);
    return parsed.data;
  }
}
