// The native export: a folder with model.json, weights.bin and the model card (README.md) that says
// what the model recognizes, how its input is normalized, its architecture, metrics, training data,
// dates and engine version; reading the folder back predicts exactly as the original.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createPredictor } from '../model/engine-model';
import type { ModelPayload } from '../shared/types';
import { ENGINE_VERSION, exportModelFiles, modelCard, validateModel } from './model-codec';
import { type AppModelMeta, readAppMeta, summaryOf, withAppMeta } from './model-meta';
import { readModelDir } from './stores/model-store';
import { barImage, tempDir } from './test-helpers';
import { RECIPE_META } from './test-recipe-meta';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ROOT_MODELS = path.join(ROOT, 'models');

/** The built-in digits model, dressed up as a fine-tuned one (the card's extra sections). */
async function fineTunedPayload(): Promise<ModelPayload> {
  const files = await readModelDir(path.join(ROOT, 'models', 'digits'), validateModel);
  // A user's fine-tuned model: no calibration, recipe or figures beside the test (the retrained
  // built-in model has them; they are the next test's subject).
  const { calibration, alsoEvaluated, recipe, ...builtIn } = readAppMeta(files.json) as AppModelMeta;
  const meta: AppModelMeta = {
    ...builtIn,
    name: 'digits + ★',
    datasetId: 'c-stars',
    fineTune: {
      baseModelId: 'builtin-digits',
      baseModelName: 'Digits (built-in LeNet)',
      newClasses: ['★'],
      base: { on: 'mnist test split, first 2,000 images', count: 2000, before: 0.985, after: 0.984 },
      custom: { on: '2 held-out samples of c-stars', count: 2, before: 0, after: 1 },
      layers: 'head',
      customSamples: 8,
      copies: 20,
      replayed: 6000,
      seconds: 2.5,
    },
    data: { trainImages: 6168, validationImages: 0, testImages: 2, perClass: { '0': 600, '★': 8 } },
  };
  const json = withAppMeta(files.json, meta);
  return {
    summary: summaryOf('m1', json, files.parameters, false, meta.createdAt),
    json,
    weights: files.weights,
  };
}

/** The built-in digits model's files with a recipe-trained model's card (fixed figures). */
async function recipePayload(): Promise<ModelPayload> {
  const files = await readModelDir(path.join(ROOT, 'models', 'digits'), validateModel);
  const meta: AppModelMeta = {
    ...(readAppMeta(files.json) as AppModelMeta),
    name: 'Digits (built-in CNN)',
    datasetId: 'mnist',
    metrics: { testAccuracy: 0.9952, testLoss: 0.0151, evaluatedOn: 'mnist test split, 10,000 images' },
    ...RECIPE_META,
  };
  const json = withAppMeta(files.json, meta);
  return {
    summary: summaryOf('builtin-digits', json, files.parameters, true, meta.createdAt),
    json,
    weights: files.weights,
  };
}

describe('the model card of a recipe-trained model', () => {
  it('gives the figures beside the headline test, the recipe, the calibration and the UNIPEN credit', async () => {
    const payload = await recipePayload();
    // The summary lists carry the figures beside the test, without the matrices.
    expect(payload.summary.alsoTested).toEqual([
      {
        label: 'Pen digits of writers never trained on (UNIPEN donors apa, uqb, pri)',
        datasetId: 'pen-digits',
        split: 'test',
        count: 1368,
        accuracy: 0.9912,
      },
    ]);
    const card = modelCard(payload);
    for (const text of [
      // The headline test and the figures beside it.
      '- Test accuracy: 99.52 % (mnist test split, 10,000 images)\n' +
        '- Also tested: 99.12 % on Pen digits of writers never trained on (UNIPEN donors apa, uqb, pri) (pen-digits test split, 1,368 images)\n',
      // The recipe: id, the mix with counts and repeats, the validation donors, the command.
      '## Recipe',
      '`glyph-lab train --recipe digits --builtin` reproduces it',
      '| pen-digits train (donors except ibm) | 5,598 | 4 |',
      '| mnist train | 60,000 | 1 |',
      'Validation, held out of training (the calibration is fitted on it): pen-digits train (donors ibm).',
      // The calibration: temperature, thresholds, ECE before → after on validation and test.
      'every logit is divided by T = 1.438 before the softmax',
      'as sure at a calibrated confidence of 81.25 % or more',
      '"not a character" below 30.00 %',
      '- Validation donors (pen-digits train (donors ibm), 1,200 images): 2.11 % → 0.62 %',
      '- Test (MNIST test split, 10,000 images): 1.48 % → 0.39 %',
      // "Not sure" on the test writers, and the scribbles.
      '- Answers shown as sure: 96.40 %; their accuracy: 99.87 %',
      '- Mistakes shown as sure: 12.50 %',
      '- Top-1 accuracy: 99.52 %; top-3: 99.91 %',
      '- Real characters read as "not a character": 0.20 %',
      '(2,000, never trained on): 6.15 % read as a character, 1.05 % shown as a sure one.',
      // The reliability diagram: one row per bin, empty bins without figures.
      '| confidence | answers | mean confidence | accuracy |\n|---|---:|---:|---:|\n| 0–10 % | 0 | – | – |',
      '| 90–100 % | 9,972 | 99.10 % | 99.50 % |',
      'softmax(logits / 1.438) gives the calibrated confidences the app shows',
    ])
      expect(card).toContain(text);
    // The credit UNIPEN's licence asks for, at the end.
    expect(card).toMatch(
      /## Credits\n\n.*UNIPEN \(CC BY 4\.0\): Unipen data set .*doi:10\.5281\/zenodo\.1195803/,
    );
    expect(card.endsWith('pp. 29–33.\n')).toBe(true);
    // The sections sit between the training data and the input, one blank line apart.
    expect(card.indexOf('## Training data')).toBeLessThan(card.indexOf('## Recipe'));
    expect(card.indexOf('## Recipe')).toBeLessThan(card.indexOf('## Confidence'));
    expect(card.indexOf('## Confidence')).toBeLessThan(card.indexOf('## Input'));
    expect(card).not.toMatch(/\n\n\n/);
  });

  it('credits UNIPEN only when a pen set was used: in the mix, the validation or a test', async () => {
    const payload = await recipePayload();
    const meta = readAppMeta(payload.json) as AppModelMeta;
    const withMeta = (m: AppModelMeta): ModelPayload => ({ ...payload, json: withAppMeta(payload.json, m) });
    const mnistOnly: AppModelMeta = {
      ...meta,
      alsoEvaluated: [],
      recipe: {
        id: 'x',
        mix: [
          { source: 'mnist train', samples: 1, repeat: 1 },
          { source: 'letter-forms (generated, 5 per class)', samples: 1, repeat: 1 },
        ],
        validation: 'mnist train, first 100',
      },
    };
    expect(modelCard(withMeta(mnistOnly))).not.toContain('UNIPEN');
    expect(
      modelCard(
        withMeta({
          ...mnistOnly,
          recipe: { ...mnistOnly.recipe!, validation: 'pen-digits train (donors ibm)' },
        }),
      ),
    ).toContain('## Credits');
    expect(modelCard(withMeta({ ...mnistOnly, alsoEvaluated: RECIPE_META.alsoEvaluated }))).toContain(
      '## Credits',
    );
    // A user's model tested on the letters test split (UNIPEN's held-out writers).
    const { recipe: _, alsoEvaluated: __, calibration: ___, ...plain } = mnistOnly;
    expect(
      modelCard(withMeta({ ...plain, evaluation: { ...plain.evaluation!, datasetId: 'letters' } })),
    ).toContain('## Credits');
  });
});

describe('native export', () => {
  it('writes a model card with classes, normalization, architecture, metrics, data, dates and engine version', async () => {
    const payload = await fineTunedPayload();
    const tmp = tempDir();
    try {
      const { path: dir } = await exportModelFiles(payload, 'native', path.join(tmp.dir, 'out'), {
        at: '2026-02-03T04:05:06.000Z',
        appVersion: '0.1.0',
      });
      expect((await fs.readdir(dir)).sort()).toEqual([
        '.glyph-lab-export.json',
        'README.md',
        'model.json',
        'weights.bin',
      ]);
      const card = await fs.readFile(path.join(dir, 'README.md'), 'utf8');
      expect(card).toContain('recognizing\n10 classes of the `c-stars` dataset: 0 1 2 3 4 5 6 7 8 9');
      expect(card).toContain('"box":20');
      expect(card).toContain('"centre":"mass"');
      expect(card).toMatch(/- conv2d .*"filters":32/);
      // the shipped digits model's own figures: whatever models/digits holds now
      const builtin = JSON.parse(await fs.readFile(path.join(ROOT_MODELS, 'digits', 'model.json'), 'utf8'))
        .metadata.glyphLab;
      expect(card).toContain(`Test accuracy: ${(builtin.metrics.testAccuracy * 100).toFixed(2)} %`);
      expect(card).toContain('Base classes before → after fine-tuning: 98.50 % → 98.40 %');
      expect(card).toContain('Held-out custom samples before → after: 0.00 % → 100.00 %');
      expect(card).toContain('Fine-tuned from Digits (built-in LeNet), adding ★'); // the fixture's fine-tuning report
      expect(card).toContain('Original training images per class (before copies): 0 600, ★ 8.');
      expect(card).toContain(`- Created: ${builtin.createdAt}`); // when the built-in digits weights were trained
      expect(card).toContain('- Exported: 2026-02-03T04:05:06.000Z by Glyph Lab 0.1.0');
      expect(card).toContain(`- Engine: ${ENGINE_VERSION}`);

      // Read back: the same predictions, bit for bit.
      const back = await readModelDir(dir, validateModel);
      const a = createPredictor(payload);
      const b = createPredictor(back);
      for (const x of [3, 14, 22]) expect(b(barImage(x))).toEqual(a(barImage(x)));
    } finally {
      tmp.remove();
    }
  });

  it('leaves the export date out without a stamp, so rebuilt built-in cards stay byte for byte', async () => {
    const payload = await fineTunedPayload();
    expect(modelCard(payload)).toBe(modelCard(payload));
    expect(modelCard(payload)).not.toContain('Exported:');
  });

  it('renders a model without calibration, recipe or other figures as before: none of their sections', async () => {
    const card = modelCard(await fineTunedPayload());
    for (const absent of ['## Recipe', '## Confidence', '## Credits', 'Also tested', 'UNIPEN', 'calibrat'])
      expect(card).not.toContain(absent);
    expect(card).toContain(
      'One score (logit) per class, in the order above; softmax gives the confidences.\n',
    );
    expect(card).toMatch(/\.\n\n## Input\n/);
    expect(card).toMatch(/\n- dense \{[^\n]*\}\n$/);
  });

  it('never replaces a folder it did not write: a project with a TensorFlow.js model.json keeps every file', async () => {
    const payload = await fineTunedPayload();
    const tmp = tempDir();
    try {
      // The audit's case: a project folder holding a TensorFlow.js export and its sources.
      const project = path.join(tmp.dir, 'project');
      const theirs: Record<string, string> = {
        'model.json': '{"format":"layers-model","modelTopology":{}}',
        'group1-shard1of1.bin': 'tfjs weights',
        'src/main.ts': 'console.log("mine")',
      };
      for (const [name, text] of Object.entries(theirs)) {
        await fs.mkdir(path.dirname(path.join(project, name)), { recursive: true });
        await fs.writeFile(path.join(project, name), text);
      }
      const kept = async () => {
        for (const [name, text] of Object.entries(theirs))
          expect(await fs.readFile(path.join(project, name), 'utf8')).toBe(text);
      };
      const first = await exportModelFiles(payload, 'native', project, { at: 'first' });
      expect(first.path).toBe(path.join(project, 'digits'));
      await kept();
      expect((await fs.readdir(project)).sort()).toEqual([
        'digits',
        'group1-shard1of1.bin',
        'model.json',
        'src',
      ]);

      // Re-exporting over our own export replaces it, whether aimed at the project or at the export.
      expect((await exportModelFiles(payload, 'native', project, { at: 'second' })).path).toBe(first.path);
      expect(await fs.readFile(path.join(first.path, 'README.md'), 'utf8')).toContain('- Exported: second');
      expect((await exportModelFiles(payload, 'native', first.path, { at: 'third' })).path).toBe(first.path);
      expect(await fs.readFile(path.join(first.path, 'README.md'), 'utf8')).toContain('- Exported: third');
      await kept();

      // Once the user puts a file of their own into it, it is theirs: the next export goes beside it.
      await fs.writeFile(path.join(first.path, 'notes.txt'), 'mine too');
      const again = await exportModelFiles(payload, 'native', project, { at: 'fourth' });
      expect(again.path).toBe(path.join(project, 'digits (2)'));
      expect(await fs.readFile(path.join(first.path, 'notes.txt'), 'utf8')).toBe('mine too');
      expect(await fs.readFile(path.join(first.path, 'README.md'), 'utf8')).toContain('- Exported: third');
      await kept();
      expect((await fs.readdir(project)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
    } finally {
      tmp.remove();
    }
  });
});
