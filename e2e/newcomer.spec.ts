// A newcomer's first hour (issue 18), in Chromium against the real core and trainer at 1280×800:
// the Train screen keeps its action and progress in view, says what is wrong in words, starts each
// run fresh; then the path itself: a quick model → Try it on Draw → it is the active model → samples
// saved with Enter → fine-tune → compare → export.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { drawSymbol } from '../datasets/symbol-strokes';
import { expect, test } from './fixtures';
import { drawStrokes } from './mouse-drawing';
import { createSet } from './sample-sets';
import { screenshotPath } from './screenshots';
import { selectOptionMatching } from './select-option';

/** Scroll the panel that holds the Train screen to its bottom (the form is taller than 800 px). */
async function scrollToBottom(page: Page): Promise<void> {
  await page.locator('.train-settings').evaluate((el) => {
    let box: HTMLElement | null = el.parentElement;
    while (box && box.scrollHeight <= box.clientHeight) box = box.parentElement;
    box?.scrollTo({ top: box.scrollHeight });
  });
}

/** Whether the scrolling panel under the tabs is wider than the window (a horizontal scroll bar). */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.locator('.train-screen').evaluate((el) => {
    let box: HTMLElement | null = el.parentElement;
    while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
    return !!box && box.scrollWidth > box.clientWidth + 1;
  });
}

const status = (page: Page): Locator => page.getByRole('region', { name: 'Training status' });

test('Train at 1280×800: the action and the progress stay in view, problems are said beside their field, runs start fresh', async ({
  app,
}) => {
  test.setTimeout(180_000);
  // With only the built-ins (one per task), Compare says what it needs, not a disabled button (item 18).
  await app.getByRole('tab', { name: 'Models' }).click();
  const compare = app.getByRole('region', { name: 'Compare two models' });
  await expect(compare).toContainText('two models of the same task');
  await expect(compare.getByRole('button')).toHaveCount(0);

  await app.getByRole('tab', { name: 'Train' }).click();
  const startButton = app.getByRole('button', { name: 'Start training' });
  await expect(startButton).toBeInViewport();
  await expect(app.getByRole('button', { name: 'Quick try' })).toBeInViewport();
  await app.screenshot({ animations: 'disabled', path: screenshotPath('train-empty.png') });

  // The form scrolled to its end: the action bar is still on screen (item 7).
  await scrollToBottom(app);
  await expect(startButton).toBeInViewport();
  await expect(app.getByRole('progressbar', { name: 'Training progress' })).toBeInViewport();
  await app.screenshot({ animations: 'disabled', path: screenshotPath('train-scrolled.png') });

  // A wrong number: the field is marked and its message, in words, is beside it (item 9).
  const epochs = app.getByLabel('Epochs');
  await epochs.fill('0');
  await startButton.click();
  await expect(epochs).toHaveAttribute('aria-invalid', 'true');
  await expect(epochs).toBeFocused();
  const message = app.locator(`#${(await epochs.getAttribute('aria-describedby'))!.split(' ')[0]}`);
  await expect(message).toHaveText('Epochs must be a whole number from 1 to 1,000; 0 is not.');
  await expect(app.getByText(/expected|Too small/)).toHaveCount(0);
  await app.screenshot({ animations: 'disabled', path: screenshotPath('train-invalid.png') });
  await epochs.fill('3');
  await expect(epochs).not.toHaveAttribute('aria-invalid', 'true');

  // The default run: paused, it shows no rate and no ETA; cancelled, the next run starts fresh (item 10).
  await startButton.click();
  const bar = status(app);
  const progress = app.getByRole('progressbar', { name: 'Training progress' });
  await expect
    .poll(async () => Number(await progress.getAttribute('aria-valuenow')), { timeout: 60_000 })
    .toBeGreaterThan(0);
  await expect(bar).toContainText('samples/s');
  // The default run's pace, for the record (how long "Start training" with the defaults takes).
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText (the text as shown, spaced), not the DOM's.
  console.log(`default run: ${(await bar.innerText()).replace(/\s+/g, ' ')}`);
  await app.getByRole('button', { name: 'Pause' }).click();
  await expect(bar).toContainText(/^Paused/);
  await expect(bar).toContainText('paused');
  await expect(bar).not.toContainText('samples/s');
  await expect(bar).not.toContainText('ETA');
  // The Cancel button is not turned into Start training in place (a hovered, reused element faded
  // from white to the accent under white text: the blank white button after a cancel).
  const cancel = await app.getByRole('button', { name: 'Cancel' }).elementHandle();
  await cancel!.click();
  await expect(app.getByText('Training was cancelled. Nothing was saved.')).toBeVisible();
  expect(await cancel!.evaluate((el) => el.isConnected)).toBe(false);
  await expect(startButton).toHaveCSS('opacity', '1');
  // After a cancel the action buttons are labelled and visible (no blank button).
  await expect(startButton).toBeEnabled();
  await expect(app.getByRole('button', { name: 'Quick try' })).toBeEnabled();
  await app.screenshot({ animations: 'disabled', path: screenshotPath('train-cancelled.png') });

  // Quick try: between the click and the first progress, never the last run's state or curves.
  await app.getByRole('button', { name: 'Quick try' }).click();
  await expect(bar).toContainText(/^(Starting|Training)/);
  await expect(app.getByText('Training was cancelled. Nothing was saved.')).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'See it in Models' })).toBeVisible({ timeout: 90_000 });
  await expect(bar).toContainText(/^Finished/);
  // The accuracy axis is fitted to this run (not 0–100 %) and spans this run's 2 epochs (item 11).
  const accuracyChart = app.locator('figure.chart').nth(1);
  const [lo, hi] = (await accuracyChart.getAttribute('data-y-range'))!.split(',').map(Number);
  expect(lo).toBeGreaterThan(0.3);
  expect(hi).toBeLessThanOrEqual(1);
  await expect(accuracyChart).toHaveAttribute('data-x-range', '0,2');
  await app.emulateMedia({ colorScheme: 'dark' });
  await app.screenshot({ animations: 'disabled', path: screenshotPath('train-dark.png') });
});

test('the newcomer path: quick model → Try it on Draw → active → samples with Enter → fine-tune → compare → export', async ({
  app,
  host,
}) => {
  test.setTimeout(300_000);
  await app.getByRole('tab', { name: 'Train' }).click();
  await app.getByLabel('Name').fill('my first model');

  // 1. A quick model, in about ten seconds (measured, not asserted: the machine is shared).
  const started = Date.now();
  await app.getByRole('button', { name: 'Quick try' }).click();
  await expect(app.getByRole('button', { name: 'See it in Models' })).toBeVisible({ timeout: 90_000 });
  const quickSeconds = (Date.now() - started) / 1000;
  // biome-ignore lint/performance/useDomNodeTextContent: as above.
  const summary = (await status(app).innerText()).replace(/\s+/g, ' ');
  test
    .info()
    .annotations.push({ type: 'quick try', description: `${quickSeconds.toFixed(1)} s · ${summary}` });
  console.log(`quick try: ${quickSeconds.toFixed(1)} s click to result (${summary})`);
  // Limit images limits the training images only: the test is on the whole test split (item 13).
  const results = app.getByRole('region', { name: 'Evaluation' });
  await expect(results).toContainText('accuracy on 10,000 test images');
  const trainFigure = (await results.locator('.stat strong').textContent())!;
  await app.screenshot({ animations: 'disabled', path: screenshotPath('train-quick.png') });

  // 2. Try it on Draw: Draw now uses the model just trained (item 1).
  await app.getByRole('button', { name: 'Try it on Draw' }).click();
  await expect(app.getByRole('tab', { name: 'Draw' })).toHaveAttribute('aria-selected', 'true');
  const mine = (await host.core.handlers['models:list'](undefined)).find((m) => m.name === 'my first model')!;
  await expect
    .poll(async () => (await host.core.handlers['models:active']({ datasetId: 'mnist' }))?.summary.id)
    .toBe(mine.id);
  await expect(app.getByRole('combobox', { name: 'Draw uses' })).toHaveValue(mine.id);

  // 3. Samples saved with Enter: a set with a ★ class, ten stars drawn, each saved by pressing Enter
  //    after clicking the class (item 15's path; it relies on Enter working outside text fields).
  await createSet(app, 'Stars', ['★']);
  await app.getByRole('radio', { name: /★/ }).click();
  const gallery = app.getByRole('list', { name: 'Samples of ★' }).getByRole('img');
  for (let i = 0; i < 10; i++) {
    await drawStrokes(app, drawSymbol('★', 9000 + i));
    await app.keyboard.press('Enter');
    await expect(gallery).toHaveCount(i + 1);
  }

  // 4. Fine-tune the built-in digits model on the stars: small held-out figures come as counts.
  await app.getByRole('tab', { name: 'Train' }).click();
  await app.getByLabel('Dataset').selectOption({ label: 'Stars' });
  await selectOptionMatching(app, 'Start from', /Fine-tune Digits/);
  await app.getByLabel('Name').fill('digits + star');
  await app.getByRole('button', { name: 'Start training' }).click();
  await expect(app.getByRole('button', { name: 'See it in Models' })).toBeVisible({ timeout: 120_000 });
  const figures = app.getByRole('table', { name: 'Before and after fine-tuning' });
  const heldOut = figures.getByRole('row', { name: /Your held-out samples/ });
  await expect(heldOut).toContainText(/\d of 2/);
  await expect(heldOut).toContainText('too few to measure accuracy');
  await expect(heldOut).not.toContainText('%');
  // Two held-out images get counts, not a confusion matrix (item 12).
  await expect(app.getByRole('table', { name: /Confusion matrix/ })).toHaveCount(0);
  await expect(app.getByRole('region', { name: 'Evaluation' })).toContainText(/\d of 2/);
  // Nothing spills sideways (the small-count notes wrap inside the card).
  expect(await overflowsSideways(app)).toBe(false);
  await figures.scrollIntoViewIfNeeded();
  await app.screenshot({ animations: 'disabled', path: screenshotPath('train-finetune-small.png') });

  // 5. Models: built-ins have their training date and no Rename/Delete (items 20, 21).
  await app.getByRole('tab', { name: 'Models' }).click();
  const table = app.getByRole('table', { name: 'Saved models' });
  const digitsRow = table.getByRole('row', { name: /Digits \(built-in/ });
  await expect(digitsRow.getByRole('button', { name: /^Rename/ })).toHaveCount(0);
  await expect(digitsRow.getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  await expect(digitsRow).not.toContainText('1/1/2026');
  // the date the shipped digits weights were trained (models/digits/model.json), as the table shows dates
  const builtin = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'models', 'digits', 'model.json'), 'utf8'),
  );
  await expect(digitsRow).toContainText(
    new Date(builtin.metadata.glyphLab.createdAt).toLocaleDateString('en-US'),
  );
  await expect(table.getByRole('button', { name: 'Rename my first model' })).toBeVisible();
  // The fine-tuned model's figure stands on 2 held-out samples: counts, not "100.0%" (item 12).
  const tunedRow = table.getByRole('row', { name: /digits \+ star/ });
  await expect(tunedRow).toContainText(/\d of 2/);
  await expect(tunedRow).not.toContainText('100.0%');
  await expect(table.getByRole('button', { name: 'Try on Draw: my first model' })).toBeVisible();

  // 6. Compare opens on two models of one task, ready to run; Δ says B − A and is coloured (18, 19).
  await expect(app.getByLabel('Model A', { exact: true })).toHaveValue('builtin-digits');
  await expect(app.getByLabel('Model B', { exact: true })).toHaveValue(mine.id);
  const compareButton = app.getByRole('button', { name: 'Compare on the test set' });
  await expect(compareButton).toBeEnabled();
  await compareButton.click();
  const comparison = app.getByRole('table', { name: 'Comparison' });
  await expect(comparison.getByRole('columnheader', { name: 'Δ (B − A)' })).toBeVisible();
  const total = comparison.locator('tr.is-total');
  await expect(total).toContainText('All (10,000 images)');
  // The same figure as on Train: both are on the whole test split.
  await expect(total.locator('td').nth(1)).toHaveText(trainFigure);
  // The quick model is worse than the built-in: a red ▼, with words for screen readers.
  const delta = total.locator('td.delta');
  await expect(delta).toHaveClass(/delta-worse/);
  await expect(delta).toContainText('▼ −');
  await expect(delta).toContainText(/B is [\d.]+ points worse than A/);
  const red = await delta.evaluate((el) => getComputedStyle(el).color);
  const muted = await comparison
    .locator('tbody th')
    .first()
    .evaluate((el) => getComputedStyle(el).color);
  expect(red).not.toBe(muted);
  await app.screenshot({
    animations: 'disabled',
    path: screenshotPath('models-compare-newcomer.png'),
    fullPage: true,
  });

  // 7. Export: one notice at a time, replaced by the next; a cancelled save dialog says so quietly (22).
  const onnx = join(host.userDataDir, 'first.onnx');
  const native = join(host.userDataDir, 'first.glyphmodel');
  host.dialogs.saveFile.push(onnx);
  await app.getByRole('button', { name: 'Export my first model as ONNX' }).click();
  await expect(app.getByText(`Exported to ${onnx}`)).toBeVisible();
  host.dialogs.saveFile.push(native);
  await app.getByRole('button', { name: 'Export my first model', exact: true }).click();
  await expect(app.getByText(`Exported to ${native}`)).toBeVisible();
  await expect(app.getByText(/^Exported to/)).toHaveCount(1);
  expect(existsSync(onnx) && existsSync(native)).toBe(true);
  host.dialogs.saveFile.push(null);
  await app.getByRole('button', { name: 'Export my first model', exact: true }).click();
  await expect(app.getByText('Export cancelled.')).toBeVisible();
  await expect(app.getByText(/^Exported to/)).toHaveCount(0);
  await expect(app.locator('.toast')).toHaveCount(0);
});
