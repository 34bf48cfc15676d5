// The Draw screen as a newcomer meets it (issue 18, Draw): "Try it on Draw" after training makes the
// new model the one Draw uses, and the picker says so; a drawing left unsaved on Samples stays on
// Samples; the network's view is captioned, with a hint on an empty canvas and an overlay switch that
// reads on or off; the brush shows its size; the theme switch is remembered across launches.

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { drawStrokes, ZERO } from './mouse-drawing';
import { createSet } from './sample-sets';
import { trainSmallOnMnist } from './train-small';

/** The text of the model the Draw screen's picker shows as in use. */
async function modelInUse(page: Page): Promise<string> {
  return page
    .getByLabel('Draw uses')
    .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent ?? '');
}

test('"Try it on Draw" after training makes the new model the one Draw uses', async ({ app }) => {
  test.setTimeout(120_000);
  // A newcomer starts with the built-in digits model active.
  await expect.poll(() => modelInUse(app)).toContain('built-in');

  await trainSmallOnMnist(app, { architecture: 'mlp', name: 'My first digits', timeout: 100_000 });
  await expect.poll(() => modelInUse(app)).toContain('My first digits');
  await drawStrokes(app, ZERO);
  await expect(app.getByLabel('Top prediction')).not.toHaveText('–');
});

test('a drawing left unsaved on Samples does not turn up on Draw, and is still there on return', async ({
  app,
}) => {
  await createSet(app, 'Symbols', ['★']);
  await drawStrokes(app, ZERO);
  await expect(app.getByRole('button', { name: /Save as “★”/ })).toBeEnabled();

  await app.getByRole('tab', { name: 'Draw' }).click();
  await expect(app.getByText('Draw a digit here')).toBeVisible();
  await expect(app.getByLabel('Top prediction')).toHaveText('–');
  await expect(app.getByRole('button', { name: 'Clear' })).toBeDisabled();
  // Clear on Draw (Delete) must not wipe the drawing waiting on Samples.
  await drawStrokes(app, ZERO);
  await app.keyboard.press('Delete');

  await app.getByRole('tab', { name: 'Samples' }).click();
  await expect(app.getByRole('button', { name: /Save as “★”/ })).toBeEnabled();
});

test('the network view: captioned, a hint on an empty canvas, an overlay switch that reads on or off', async ({
  app,
}) => {
  await expect(app.getByText('What the network sees (28 × 28)')).toBeVisible();
  await expect(app.getByText(/network's 28 × 28 view of your drawing shows here/)).toBeVisible();
  const overlay = app.getByRole('switch', { name: 'Where it looked' });
  await expect(overlay).toHaveAttribute('aria-checked', 'false');
  await expect(overlay).toContainText('Off');

  await drawStrokes(app, ZERO);
  await expect(app.getByText(/network's 28 × 28 view/)).toBeHidden();
  await overlay.click();
  await expect(overlay).toHaveAttribute('aria-checked', 'true');
  await expect(overlay).toContainText('On');
  await expect(app.getByRole('img', { name: /Where the network looked/ })).toBeVisible();
  await expect(app.getByText('strong', { exact: true })).toBeVisible();
  // The overlay is drawn larger than the network's 28 × 28 pixels, so its regions read as shapes.
  const side = await app
    .getByRole('img', { name: /Where the network looked/ })
    .evaluate((c: HTMLCanvasElement) => c.width);
  expect(side).toBeGreaterThan(28);
  await app.keyboard.press('h');
  await expect(overlay).toHaveAttribute('aria-checked', 'false');
  // Larger than the old ~140 px thumbnail.
  const view = (await app.getByRole('img', { name: 'What the network sees (28 × 28)' }).boundingBox())!;
  expect(view.width).toBeGreaterThanOrEqual(196);

  // The speed line reads in words, and the brush shows its size.
  await expect(app.locator('.latency-line')).toContainText(/Speed .*ms per pass · pen to bars \d+ ms/);
  await expect(app.locator('.brush-value')).toHaveText('18 px');
  await app.keyboard.press(']');
  await expect(app.locator('.brush-value')).toHaveText('20 px');
  await expect(app.getByLabel('Brush size')).toHaveAttribute('aria-valuetext', '20 px');

  // The recognition card ends with its content: no large empty area under the bars.
  const card = (await app.locator('.prediction-card').boundingBox())!;
  const last = (await app.locator('.latency-line').boundingBox())!;
  expect(card.y + card.height - (last.y + last.height)).toBeLessThan(48);
});

test('the theme switch: light, dark or system, remembered after a restart', async ({ app }) => {
  const theme = app.getByLabel('Theme');
  await expect(theme).toHaveValue('system');
  await theme.selectOption('dark');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = () => app.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const dark = await background();
  await theme.selectOption('light');
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await background()).not.toBe(dark);

  await theme.selectOption('dark');
  await app.reload();
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.getByLabel('Theme')).toHaveValue('dark');

  // System follows the OS.
  await app.getByLabel('Theme').selectOption('system');
  await app.emulateMedia({ colorScheme: 'light' });
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'light');
  await app.emulateMedia({ colorScheme: 'dark' });
  await expect(app.locator('html')).toHaveAttribute('data-theme', 'dark');
});
