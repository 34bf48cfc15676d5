// Recipes in the trainer, on the real built sets (datasets/data) and the real engine: the shipped recipes
// parse; sources are narrowed to whole donors, relabelled, limited and repeated; a tiny recipe runs through
// JobRunner to a calibrated, evaluated model.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_DONORS, VALIDATION_DONORS } from '../../../datasets/handwriting/writers';
import { UNIFORM_TARGET } from '../../../engine/losses/index';
import { specOfRecipe } from '../../model/recipe-spec';
import { type Recipe, recipeSchema } from '../../shared/recipe';
import type { TrainerOut } from '../../shared/trainer-protocol';
import { JobRunner, NO_CLASS } from '../run-job';
import { assembleRecipe, describeSource, generateSource, loadSetSource } from './assemble';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const DATA = path.join(ROOT, 'datasets', 'data');
const shipped = (id: string): Recipe =>
  recipeSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'models', id, 'recipe.json'), 'utf8')));
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

describe('the shipped recipes', () => {
  for (const id of ['characters', 'digits', 'letters']) {
    it(`${id}: parses, validates on training donors only and tests on the test donors`, () => {
      const r = shipped(id);
      expect(r.id).toBe(id);
      for (const v of r.validation) {
        expect(v.donors && 'only' in v.donors ? v.donors.only : []).toEqual([...VALIDATION_DONORS]);
      }
      // every pen source in the training mix leaves the validation donors out (the test donors are not in any training split)
      for (const s of r.train)
        if ('dataset' in s && s.dataset.startsWith('pen-'))
          expect(s.donors && 'except' in s.donors ? s.donors.except : []).toEqual([...VALIDATION_DONORS]);
      const spec = specOfRecipe(r);
      expect(spec.recipe).toBe(id);
      expect(spec.validationSplit).toBe(0);
    });
  }

  it('refuses a recipe with an unknown field or generator', () => {
    const r = shipped('digits') as unknown as Record<string, unknown>;
    expect(recipeSchema.safeParse({ ...r, surprise: 1 }).success).toBe(false);
    expect(recipeSchema.safeParse({ ...r, train: [{ generator: 'noise', count: 3 }] }).success).toBe(false);
  });

  it('pin the threads their weights were trained on (one); the spec carries them', () => {
    for (const id of ['characters', 'digits', 'letters']) expect(shipped(id).training.threads).toBe(1);
    const r = shipped('digits');
    expect(specOfRecipe(r).threads).toBe(1);
    const { threads: _, ...unpinned } = r.training;
    expect(specOfRecipe(recipeSchema.parse({ ...r, training: unpinned })).threads).toBeUndefined();
    expect(recipeSchema.safeParse({ ...r, training: { ...r.training, threads: 0 } }).success).toBe(false);
  });
});

describe('recipe sources', () => {
  it('takes or leaves out whole donors, never a test donor in training', async () => {
    const without = await loadSetSource(
      { dataset: 'pen-digits', split: 'train', donors: { except: ['ibm'] } },
      DIGITS,
      DATA,
    );
    const only = await loadSetSource(
      { dataset: 'pen-digits', split: 'train', donors: { only: ['ibm'] } },
      DIGITS,
      DATA,
    );
    const all = await loadSetSource({ dataset: 'pen-digits', split: 'train' }, DIGITS, DATA);
    expect(without.labels.length + only.labels.length).toBe(all.labels.length);
    expect(only.labels.length).toBe(1175);
    await expect(
      loadSetSource(
        { dataset: 'pen-digits', split: 'train', donors: { only: [TEST_DONORS[0]!] } },
        DIGITS,
        DATA,
      ),
    ).rejects.toThrow(/no donor/);
    await expect(
      loadSetSource({ dataset: 'mnist', split: 'train', donors: { only: ['ibm'] } }, DIGITS, DATA),
    ).rejects.toThrow(/records no donors/);
  });

  it('relabels, limits and repeats', async () => {
    const letters = Array.from({ length: 26 }, (_, i) => String.fromCharCode(65 + i));
    const zeros = await loadSetSource(
      { dataset: 'mnist', split: 'train', relabel: { '0': 'O' }, limit: 50, repeat: 2 },
      letters,
      DATA,
    );
    expect(zeros.labels.length).toBe(100);
    expect(new Set(zeros.labels)).toEqual(new Set([14]));
    expect(zeros.images.subarray(0, 784)).toEqual(zeros.images.subarray(50 * 784, 51 * 784));
    expect(describeSource({ dataset: 'mnist', split: 'train', relabel: { '0': 'O' }, limit: 50 })).toBe(
      'mnist train (0 as O), first 50',
    );
    await expect(loadSetSource({ dataset: 'mnist', split: 'train' }, letters, DATA)).rejects.toThrow(
      /class "0" of mnist is not one of the recipe's classes/,
    );
  });

  it('labels scribbles as no class', () => {
    const s = generateSource({ generator: 'scribbles', count: 8 }, DIGITS, 3);
    expect(Array.from(s.labels)).toEqual(new Array(8).fill(UNIFORM_TARGET));
  });
});

/** A tiny digits recipe (an MLP, one epoch, a few hundred images of each source). */
function tinyRecipe(): Recipe {
  const base = shipped('digits');
  return {
    ...base,
    train: [
      { dataset: 'mnist', split: 'train', limit: 600 },
      { dataset: 'pen-digits', split: 'train', donors: { except: ['ibm'] }, limit: 300, repeat: 2 },
      { generator: 'scribbles', count: 60 },
    ],
    validation: [{ dataset: 'pen-digits', split: 'train', donors: { only: ['ibm'] }, limit: 200 }],
    test: { label: 'MNIST test (first 300)', source: { dataset: 'mnist', split: 'test', limit: 300 } },
    alsoTest: [{ label: 'held-out writers', source: { dataset: 'pen-digits', split: 'test', limit: 200 } }],
    model: { architecture: 'mlp' },
    training: { ...base.training, epochs: 1, augmentation: 'affine', threads: 'auto' },
  };
}

/** Runs a recipe through JobRunner and returns every message it sent. */
async function runRecipe(recipe: Recipe): Promise<TrainerOut[]> {
  const sent: TrainerOut[] = [];
  const runner = new JobRunner(
    {
      type: 'train',
      jobId: 'r',
      spec: specOfRecipe(recipe),
      data: { kind: 'bundled', datasetId: 'mnist', dataDir: DATA },
      testFraction: 0,
      progressIntervalMs: 0,
      recipe,
      dataDir: DATA,
    },
    (m) => sent.push(m),
  );
  await runner.run();
  return sent;
}

describe('a recipe in the trainer', () => {
  it('assembles, trains, calibrates on the validation donors and evaluates on the test writers', async () => {
    const recipe = tinyRecipe();
    const data = await assembleRecipe(recipe, DATA);
    expect(data.train.labels.length).toBe(600 + 600 + 60);
    expect(data.mix.map((m) => m.repeat)).toEqual([1, 2, 1]);
    const sent = await runRecipe(recipe);
    const done = sent.find((m) => m.type === 'done');
    if (done?.type !== 'done') throw new Error(`no done message: ${JSON.stringify(sent.at(-1))}`);
    expect(done.evaluation.count).toBe(300);
    // a recipe job resolves its threads like any other (an MLP: one)
    expect(done.threads).toEqual({ count: 1, reason: '1 thread: MLPs train faster on one' });
    expect(done.alsoEvaluated?.[0]).toMatchObject({ label: 'held-out writers', count: 200 });
    const c = done.calibration!;
    expect(c.temperature).toBeGreaterThan(0);
    expect(c.validation.count).toBe(200);
    expect(c.test?.count).toBe(300);
    expect(c.scribbles?.count).toBe(2000);
    expect(done.recipe).toMatchObject({
      id: 'digits',
      validation: 'pen-digits train (donors ibm), first 200',
    });
    expect(sent.find((m) => m.type === 'started')).toMatchObject({ trainCount: 1260, validationCount: 200 });
    expect(done.data.perClass[NO_CLASS]).toBe(60);
    expect(Object.keys(done.data.perClass)).not.toContain('undefined');
  }, 60_000);

  it('reproduces its weights bit for bit when run again (seeded data, generators, augmentation and training)', async () => {
    const weights = async () => {
      const done = (await runRecipe(tinyRecipe())).find((m) => m.type === 'done');
      if (done?.type !== 'done') throw new Error('no done message');
      return Buffer.from(done.model.weights);
    };
    expect((await weights()).equals(await weights())).toBe(true);
  }, 60_000);
});
