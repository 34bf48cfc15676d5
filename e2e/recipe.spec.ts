// The Train screen's "Built-in recipe" (issue 16) in Chromium against the real core and trainer: pick
// the digits recipe, read what it does, start it, see it train, cancel it. A whole run takes about
// half an hour here, so the test stops at the first progress; the finished run's model is saved like
// any job's (a new user model, never over the built-in one).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TrainingEvent } from '../app/shared/types';
import { expect, test } from './fixtures';
import { screenshotPath } from './screenshots';

const ROOT = join(import.meta.dirname, '..');

/** The newest progress event the core emitted. */
function lastProgress(events: { payload: unknown }[]) {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!.payload as TrainingEvent;
    if (e.type === 'progress') return e;
  }
  return undefined;
}

test('the digits recipe: picked, described, started, training, cancelled', async ({ app, host }) => {
  test.setTimeout(300_000);
  const builtinWeights = readFileSync(join(ROOT, 'models/digits/weights.bin'));
  await app.getByRole('tab', { name: 'Train' }).click();

  // None chosen: the usual form. The digits recipe: the form's fields give way to what it does.
  await expect(app.getByLabel('Architecture')).toBeVisible();
  await app.getByLabel('Built-in recipe').selectOption({ label: 'Digits (built-in CNN)' });
  await expect(app.getByLabel('Architecture')).toHaveCount(0);
  await expect(app.getByLabel('Dataset')).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Quick try' })).toHaveCount(0);
  const view = app.getByRole('group', { name: 'Recipe: Digits (built-in CNN)' });
  await expect(view).toContainText('UNIPEN');
  await expect(view.getByRole('list', { name: 'Data mix' })).toContainText(
    /pen-digits train \(donors except ibm\): [\d,]+ images, 4 copies per epoch/,
  );
  await expect(view).toContainText('conv 32 5×5');
  await expect(view).toContainText(/15 epochs of [\d,]+ images/);
  await expect(view).toContainText(/about \d+ min/);
  await expect(view).toContainText('Donors ibm');
  await app.screenshot({ animations: 'disabled', path: screenshotPath('train-recipe.png') });
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText (the text as shown).
  const estimate = (await view.innerText()).match(/about [\dh ]+min|about \d+ h/)?.[0];

  // Start: the request names the recipe; the core runs the recipe's own spec.
  await app.getByRole('button', { name: 'Start training' }).click();
  const bar = app.getByRole('region', { name: 'Training status' });
  await expect(bar).toContainText('the digits recipe');
  await expect(bar).toContainText('samples/s', { timeout: 240_000 });
  const started = host.events.map((e) => e.payload as TrainingEvent).find((e) => e.type === 'started');
  expect(started?.type === 'started' && started.spec).toMatchObject({
    recipe: 'digits',
    epochs: 15,
    name: 'Digits (built-in CNN), trained here',
  });
  // The recipe's pace against the screen's estimate, for the record (measured, not asserted): after
  // 100 batches, when the rate has settled past the first batch's.
  await expect
    .poll(() => lastProgress(host.events)?.batch ?? 0, { timeout: 120_000 })
    .toBeGreaterThanOrEqual(100);
  const p = lastProgress(host.events)!;
  console.log(
    `digits recipe: estimate ${estimate}; after ${p.batch} batches of epoch 1: ` +
      `${Math.round(p.samplesPerSecond)} samples/s, ETA ${Math.round(p.etaSeconds / 60)} min`,
  );
  await expect(app.getByRole('figure').first()).toBeVisible();

  // Cancel: nothing saved, the built-in model untouched, the recipe still chosen for another go.
  await app.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByText('Training was cancelled. Nothing was saved.')).toBeVisible({ timeout: 60_000 });
  await expect(app.getByRole('button', { name: 'Start training' })).toBeEnabled();
  await expect(app.getByLabel('Built-in recipe')).toHaveValue('digits');
  const models = await host.core.handlers['models:list'](undefined);
  expect(models.filter((m) => !m.builtin)).toEqual([]);
  expect(readFileSync(join(ROOT, 'models/digits/weights.bin')).equals(builtinWeights)).toBe(true);
  expect(await host.core.handlers['training:status'](undefined)).toMatchObject({ state: 'idle' });
});
