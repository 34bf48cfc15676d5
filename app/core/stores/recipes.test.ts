import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RecipeCatalog } from './recipes';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'glyph-recipes-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('RecipeCatalog', () => {
  it('lists the shipped recipes', async () => {
    const list = await new RecipeCatalog(path.join(ROOT, 'models')).list();
    expect(list.map((r) => r.id)).toEqual(['characters', 'digits', 'letters']);
  });

  it('refuses a malformed, oversized or misplaced recipe by name, and an unknown id', async () => {
    const dir = path.join(tmp, 'models');
    for (const name of ['bad', 'big', 'moved', 'nothing-here'])
      mkdirSync(path.join(dir, name), { recursive: true });
    writeFileSync(
      path.join(dir, 'bad', 'recipe.json'),
      '{"format":"glyph-lab-recipe","version":1,"id":"bad"}',
    );
    writeFileSync(path.join(dir, 'big', 'recipe.json'), `{"x":"${'a'.repeat(300_000)}"}`);
    cpSync(path.join(ROOT, 'models', 'digits', 'recipe.json'), path.join(dir, 'moved', 'recipe.json'));
    const catalog = new RecipeCatalog(dir);
    await expect(catalog.get('bad')).rejects.toThrow(/bad[/\\]recipe\.json: name/);
    await expect(catalog.get('big')).rejects.toThrow(/too large/);
    await expect(catalog.get('moved')).rejects.toThrow(/its id "digits" is not its folder's/);
    await expect(catalog.get('nothing-here')).rejects.toMatchObject({ code: 'not-found' });
    await expect(catalog.get('../digits')).rejects.toMatchObject({ code: 'invalid' });
    const logged: string[] = [];
    expect(await catalog.list((l) => logged.push(l))).toEqual([]);
    expect(logged).toHaveLength(3);
  });
});
