// The ★ journey, end to end in Chromium against the real core and trainer: create the class "★",
// draw 10 stars (each one placed, sized, turned and jittered differently), fine-tune the built-in
// digits model from the Train screen, draw a new star → ★ and a 3 → 3, export the model to ONNX
// through the save dialog, and check that onnxruntime-node gives the same top class for the same
// 28×28 input the renderer used.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import * as ort from 'onnxruntime-node';
import { normalizeStrokes, strokesFromPairs } from '../datasets/normalize';
import { drawSymbol, type SymbolName } from '../datasets/symbol-strokes';
import { readOnnxHeader } from '../engine/onnx';
import { expect, test } from './fixtures';
import { drawStrokes, THREE } from './mouse-drawing';
import { createSet } from './sample-sets';
import { screenshotPath } from './screenshots';
import { selectOptionMatching } from './select-option';

/** The 28×28 image the Draw screen shows as "what the network sees" (its input, as 8-bit grey). */
async function networkInput(page: Page): Promise<Float32Array> {
  const bytes = await page
    .getByRole('img', { name: 'What the network sees (28 × 28)' })
    .evaluate((canvas: HTMLCanvasElement) => {
      const { data } = canvas.getContext('2d')!.getImageData(0, 0, 28, 28);
      return Array.from({ length: 784 }, (_, i) => data[i * 4]!);
    });
  return Float32Array.from(bytes, (v) => v / 255);
}

test('★ journey: draw 10 stars, fine-tune the digits model, recognise ★ and 3, export to ONNX', async ({
  app,
  host,
}) => {
  test.setTimeout(240_000);
  await createSet(app, 'Stars', ['★']);
  const gallery = app.getByRole('list', { name: 'Samples of ★' }).getByRole('img');
  for (let i = 0; i < 10; i++) {
    await drawStrokes(app, drawSymbol('★', 7000 + i));
    await app.getByRole('button', { name: /^Save as “★”/ }).click();
    await expect(gallery).toHaveCount(i + 1);
  }

  await app.getByRole('tab', { name: 'Train' }).click();
  await selectOptionMatching(app, 'Dataset', /^Stars/);
  await selectOptionMatching(app, 'Start from', /Fine-tune Digits/);
  await expect(app.getByLabel('Epochs')).toHaveValue('8'); // the recipe's settings were proposed
  await app.getByLabel('Name').fill('digits + star');
  await app.getByRole('button', { name: 'Start training' }).click();
  await expect(app.getByRole('button', { name: 'See it in Models' })).toBeVisible({ timeout: 120_000 });
  const figures = app.getByRole('table', { name: 'Before and after fine-tuning' });
  await expect(figures).toContainText('Base classes');
  await expect(figures).toContainText('Your held-out samples');
  await figures.scrollIntoViewIfNeeded();
  await app.screenshot({ animations: 'disabled', path: screenshotPath('train-finetune.png') });

  // The first model of the set became its active one; try it on Draw.
  await app.getByRole('button', { name: 'Try it on Draw' }).click();
  await app.getByRole('radiogroup', { name: 'Task' }).getByRole('radio', { name: /Stars/ }).click();
  await drawStrokes(app, drawSymbol('★', 424_242));
  await expect(app.getByLabel('Top prediction')).toHaveText('★');
  const starInput = await networkInput(app);
  await app.keyboard.press('Delete');
  await drawStrokes(app, THREE);
  await expect(app.getByLabel('Top prediction')).toHaveText('3');

  // Export to ONNX from Models, through the save dialog.
  await app.getByRole('tab', { name: 'Models' }).click();
  await expect(app.getByRole('table', { name: 'Saved models' })).toContainText('digits + star');
  await app.getByText('Before / after fine-tuning').click();
  await expect(app.getByRole('table', { name: 'Before and after fine-tuning' })).toContainText(
    'Base classes',
  );
  const out = join(host.userDataDir, 'digits-star.onnx');
  host.dialogs.saveFile.push(out);
  await app.getByRole('button', { name: 'Export digits + star as ONNX' }).click();
  await expect(app.getByText(`Exported to ${out}`)).toBeVisible();
  expect(existsSync(out)).toBe(true);

  const bytes = new Uint8Array(readFileSync(out));
  const classes = JSON.parse(readOnnxHeader(bytes).metadata.classes!) as string[];
  expect(classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '★']);
  const session = await ort.InferenceSession.create(bytes);
  const { probabilities } = await session.run({
    input: new ort.Tensor('float32', starInput, [1, 1, 28, 28]),
  });
  const p = probabilities!.data as Float32Array;
  expect(classes[p.indexOf(Math.max(...p))]).toBe('★');
});

/** A drawing of `symbol` as the network's input, normalized like the app's drawings. */
function glyph(symbol: SymbolName, seed: number): Float32Array<ArrayBuffer> {
  const strokes = drawSymbol(symbol, seed).map((s) =>
    s.map(([x, y]) => [x * 400, y * 400] as [number, number]),
  );
  return Float32Array.from(normalizeStrokes(strokesFromPairs(strokes), { minExtent: 24 }));
}

test('a heart saved as ★ is flagged after training, relabelled from Samples, and the set exports as an image folder', async ({
  app,
  host,
}) => {
  test.setTimeout(180_000);
  const h = host.core.handlers;
  await h['datasets:create']({ title: 'Another set' }); // "Review in Samples" must open the trained one
  const set = await h['datasets:create']({ title: 'Symbols' });
  for (let i = 0; i < 10; i++) {
    await h['samples:add']({ datasetId: set.id, label: '★', image: glyph('★', 100 + i), strokes: [] });
    await h['samples:add']({ datasetId: set.id, label: '♥', image: glyph('♥', 200 + i), strokes: [] });
  }
  const wrong = await h['samples:add']({
    datasetId: set.id,
    label: '★',
    image: glyph('♥', 999),
    strokes: [],
  });

  await app.getByRole('tab', { name: 'Train' }).click();
  await selectOptionMatching(app, 'Dataset', /^Symbols/);
  await selectOptionMatching(app, 'Start from', /Fine-tune Digits/);
  await app.getByRole('button', { name: 'Start training' }).click();
  await expect(app.getByText(/looks? mislabelled/)).toBeVisible({ timeout: 120_000 });
  await app.getByRole('button', { name: 'Review in Samples' }).click();

  await expect(app.getByRole('combobox', { name: 'Set', exact: true })).toHaveValue(set.id);
  const review = app.getByRole('list', { name: 'Samples to review' });
  await expect(review.getByRole('listitem')).toHaveCount(1);
  await expect(review).toContainText('Labelled ★, looks like ♥');
  await app.screenshot({ animations: 'disabled', path: screenshotPath('samples-review.png') });
  await review.getByRole('button', { name: 'Relabel as ♥' }).click();
  await expect(app.getByRole('list', { name: 'Samples to review' })).toHaveCount(0);
  const hearts = await h['samples:list']({ datasetId: set.id, label: '♥' });
  expect(hearts.map((s) => s.id)).toContain(wrong.id);

  const out = `${host.userDataDir}/symbols-export`;
  host.dialogs.saveFile.push(out);
  await app.getByRole('button', { name: 'Export set…' }).click();
  await expect(app.getByText(`Exported Symbols to ${out}`)).toBeVisible();
  expect(readdirSync(out).sort()).toEqual(['.glyph-lab-export.json', '_2605_', '_2665_']);
  expect(readdirSync(`${out}/_2665_`).filter((n) => n.endsWith('.png'))).toHaveLength(11);
  expect(readdirSync(`${out}/_2605_`).filter((n) => n.endsWith('.png'))).toHaveLength(10);
});
