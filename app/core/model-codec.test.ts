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

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The built-in digits model, dressed up as a fine-tuned one (the card's extra sections). */
async function fineTunedPayload(): Promise<ModelPayload> {
  const files = await readModelDir(path.join(ROOT, 'models', 'digits'), validateModel);
  const meta: AppModelMeta = {
    ...(readAppMeta(files.json) as AppModelMeta),
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
      expect(card).toMatch(/- conv2d .*"filters":8/);
      expect(card).toContain('Test accuracy: 98.86 %'); // models/digits (retrained 2026-11-24)
      expect(card).toContain('Base classes before → after fine-tuning: 98.50 % → 98.40 %');
      expect(card).toContain('Held-out custom samples before → after: 0.00 % → 100.00 %');
      expect(card).toContain('Fine-tuned from Digits (built-in LeNet), adding ★');
      expect(card).toContain('Original training images per class (before copies): 0 600, ★ 8.');
      expect(card).toContain('- Created: 2026-11-24T19:15:14.000Z'); // when the built-in digits weights were trained
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
