// `recipes:list` through the real core: the checked-in recipes (models/<id>/recipe.json) summarized
// from the real built sets (datasets/data); a broken recipe skipped, a set not built shown as unknown.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { donorRanges } from '../../datasets/handwriting/donors';
import { readManifest } from '../../datasets/load';
import { preset } from '../../engine/presets';
import { trainingSpecSchema } from '../shared/api';
import { describeSource } from '../shared/recipe';
import { createCore } from './core';
import { describeLayers, multiplyAdds } from './recipe-summary';
import { spawnNodeTrainer } from './spawn-node';
import { tempDir } from './test-helpers';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const temps: ReturnType<typeof tempDir>[] = [];
afterAll(() => {
  for (const t of temps) t.remove();
});

async function listFrom(resourcesDir: string, log: string[] = []) {
  const user = tempDir();
  temps.push(user);
  const core = await createCore({
    userDataDir: user.dir,
    resourcesDir,
    spawnTrainer: spawnNodeTrainer(),
    log: (line) => log.push(line),
  });
  try {
    return await core.handlers['recipes:list'](undefined);
  } finally {
    await core.dispose();
  }
}

describe('recipes:list', () => {
  it('summarizes the built-in recipes from the built sets', async () => {
    const list = await listFrom(ROOT);
    expect(list.map((r) => r.id)).toEqual(['characters', 'digits', 'letters']);
    const digits = list[1]!;
    const recipe = JSON.parse(await fs.readFile(path.join(ROOT, 'models/digits/recipe.json'), 'utf8'));
    expect(digits).toMatchObject({
      name: recipe.name,
      description: recipe.description,
      classes: 10,
      epochs: recipe.training.epochs,
      validationDonors: ['ibm'],
      test: recipe.test.label,
      alsoTest: [recipe.alsoTest[0].label],
    });
    expect(digits.network).toMatch(
      /^conv 32 5×5 → pool 2 → conv 64 5×5 → pool 2 → dense 256 → .*dense 10, ReLU$/,
    );
    expect(digits.mix.map((m) => m.source)).toEqual(recipe.train.map(describeSource));
    // The pen digits of every training donor but ibm, as the manifest's donor ranges count them.
    const manifest = await readManifest('pen-digits', { dataDir: path.join(ROOT, 'datasets/data') });
    const ibm = donorRanges(manifest, 'train').find((r) => r.donor === 'ibm')!.count;
    expect(digits.mix[1]).toEqual({
      source: 'pen-digits train (donors except ibm)',
      images: manifest.splits.train!.count - ibm,
      repeat: 4,
    });
    expect(digits.mix[0]!.images).toBe(60_000);
    expect(digits.imagesPerEpoch).toBe(digits.mix.reduce((a, m) => a + m.images! * m.repeat, 0));
    // Arithmetic, not a timing: 15 epochs of ~100,000 images through a ~4 M multiply-add network.
    expect(digits.estimatedSeconds).toBeGreaterThan(10 * 60);
    expect(digits.estimatedSeconds).toBeLessThan(60 * 60);
    // What the Train screen sends is a valid request that names the recipe.
    expect(trainingSpecSchema.parse(digits.spec)).toMatchObject({
      recipe: 'digits',
      epochs: recipe.training.epochs,
    });
    // MNIST's zeros relabelled as O: the first 3,000 of them.
    const letters = list[2]!;
    expect(letters.mix.find((m) => m.source.startsWith('mnist'))).toEqual({
      source: 'mnist train (0 as O), first 3,000',
      images: 3000,
      repeat: 1,
    });
    expect(letters.classes).toBe(26);
  });

  it('skips a recipe that does not parse (and says so), and sizes none from sets not built', async () => {
    const dir = tempDir();
    temps.push(dir);
    await fs.mkdir(path.join(dir.dir, 'models/digits'), { recursive: true });
    await fs.copyFile(
      path.join(ROOT, 'models/digits/recipe.json'),
      path.join(dir.dir, 'models/digits/recipe.json'),
    );
    await fs.mkdir(path.join(dir.dir, 'models/broken'), { recursive: true });
    await fs.writeFile(path.join(dir.dir, 'models/broken/recipe.json'), '{"format": "glyph-lab-recipe"');
    const log: string[] = [];
    const list = await listFrom(dir.dir, log);
    expect(list.map((r) => r.id)).toEqual(['digits']);
    expect(log.join('\n')).toMatch(/recipes: broken: .*recipe\.json/);
    expect(list[0]!.mix[0]!.images).toBeNull();
    expect(list[0]!.mix[2]!.images).toBe(8000); // generated: 800 per class × 10
    expect(list[0]!.imagesPerEpoch).toBeNull();
    expect(list[0]!.estimatedSeconds).toBeNull();
  });

  it('has no recipes where there is no models folder', async () => {
    const dir = tempDir();
    temps.push(dir);
    expect(await listFrom(dir.dir)).toEqual([]);
  });
});

describe('the network in words and its size', () => {
  it('counts LeNet at 354,048 multiply-adds per image', () => {
    const layers = preset('lenet', { classes: 10 }).model.layers;
    expect(multiplyAdds(layers)).toBe(24 * 24 * 8 * 25 + 8 * 8 * 16 * 8 * 25 + 256 * 128 + 128 * 10);
    expect(describeLayers(layers)).toBe(
      'conv 8 5×5 → pool 2 → conv 16 5×5 → pool 2 → dense 128 → dense 10, ReLU',
    );
  });
});
