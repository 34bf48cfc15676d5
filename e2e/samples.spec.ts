// The Samples screen (issue 18, Samples): Enter saves the drawing to the class picked, even right
// after clicking it, and a save that cannot happen says why; notices are not stacked and stay on
// their screen; image files dropped on the screen are imported through the same path as under
// Electron (the preload's file bridge, here with the host standing in for webUtils and main).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { expect, test } from './fixtures';
import { drawStrokes, RING } from './mouse-drawing';
import { createSet } from './sample-sets';

test('Enter saves to the class just clicked; a save that cannot happen says why; counts say what is enough', async ({
  app,
}) => {
  await createSet(app, 'Symbols', ['★', '○']);
  await expect(app.getByRole('radio', { name: /★/ })).toContainText('0 · too few, 10 needed');

  // Enter on an empty canvas: a clear reason, nothing saved.
  await app.getByRole('radio', { name: /★/ }).click();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('status')).toContainText(
    'Nothing to save: draw the sample on the canvas first.',
  );

  // Click the class, draw, press Enter: focus is on the class button, and Enter still saves.
  await app.getByRole('radio', { name: /○/ }).click();
  await drawStrokes(app, RING);
  await expect(app.getByRole('radio', { name: /○/ })).toBeFocused();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('list', { name: 'Samples of ○' }).getByRole('img')).toHaveCount(1);
  await expect(app.getByRole('radio', { name: /○/ })).toContainText('1 · too few, 10 needed');
  await expect(app.getByRole('button', { name: /Save as/ })).toBeDisabled();
});

test('notices: a repeated one is counted, not stacked, and stays on its own screen', async ({ app }) => {
  await createSet(app, 'Symbols', ['○']);
  const status = app.getByRole('status');
  for (let i = 0; i < 3; i++) {
    await drawStrokes(app, RING);
    await app.keyboard.press('Enter');
    await expect(app.getByRole('list', { name: 'Samples of ○' }).getByRole('img')).toHaveCount(i + 1);
  }
  await expect(status.locator('.toast')).toHaveCount(1);
  await expect(status).toContainText('Saved a sample of “○”. ×3');
  // The drop hint is above the gallery, clear of the notices in the corner.
  const hint = (await app.getByText(/Drop image files anywhere here/).boundingBox())!;
  const toast = (await status.locator('.toast').boundingBox())!;
  expect(hint.y + hint.height <= toast.y || toast.y + toast.height <= hint.y).toBe(true);

  await app.getByRole('tab', { name: 'Draw' }).click();
  await expect(status.locator('.toast')).toHaveCount(0);
  // Notices time out.
  await app.getByRole('tab', { name: 'Samples' }).click();
  await expect(status.locator('.toast')).toHaveCount(0, { timeout: 15_000 });
});

test('dropping an image file on Samples imports it (the preload file bridge, through the host)', async ({
  app,
  host,
}) => {
  const file = test.info().outputPath('ring.png');
  const ring = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="white"/><circle cx="32" cy="32" r="20" fill="none" stroke="black" stroke-width="6"/></svg>',
  );
  await sharp(ring).png().toFile(file);
  // As Electron's webUtils would answer for this file dropped from a folder.
  host.dropped.set('ring.png', file);
  await createSet(app, 'Symbols', ['○']);

  const drop = async (name: string, bytes: number[]) => {
    const dataTransfer = await app.evaluateHandle(
      ([n, b]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(b)], n, { type: 'image/png' }));
        return dt;
      },
      [name, bytes] as const,
    );
    await app.dispatchEvent('.samples-screen', 'dragover', { dataTransfer });
    await app.dispatchEvent('.samples-screen', 'drop', { dataTransfer });
  };
  await drop('ring.png', [...readFileSync(file)]);
  await expect(app.getByRole('status')).toContainText('Imported 1 image.');
  await expect(app.getByRole('list', { name: 'Samples of ○' }).getByRole('img')).toHaveCount(1);

  // A File the page made up has no path on disk: no grant, nothing imported, and it says so.
  await drop('made-up.png', [1, 2, 3]);
  await expect(app.getByRole('status')).toContainText('not a file from the disk');
  await expect(app.getByRole('list', { name: 'Samples of ○' }).getByRole('img')).toHaveCount(1);
});

test('a set exported as CSV through the save dialog comes back into a new set with the same counts', async ({
  app,
  host,
}) => {
  await createSet(app, 'Symbols', ['★', '○']);
  const saved = [
    ['○', 1],
    ['○', 2],
    ['★', 1],
  ] as const;
  for (const [label, n] of saved) {
    await app.getByRole('radio', { name: new RegExp(label) }).click();
    await drawStrokes(app, RING);
    await app.keyboard.press('Enter');
    await expect(app.getByRole('list', { name: `Samples of ${label}` }).getByRole('img')).toHaveCount(n);
  }

  const out = test.info().outputPath('symbols');
  host.dialogs.saveFile.push(out);
  await app.getByLabel('Export format').selectOption({ label: 'CSV' });
  await app.getByRole('button', { name: 'Export set…' }).click();
  await expect(app.getByRole('status')).toContainText(`Exported Symbols to ${out}: 3 samples in 2 classes.`);
  expect(readFileSync(join(out, 'samples.csv'), 'utf8').trim().split('\n')).toHaveLength(1 + 3);

  await app.getByLabel('New set name').fill('Symbols again');
  await app.getByRole('button', { name: 'Create set' }).click();
  await expect(app.getByRole('combobox', { name: 'Set', exact: true }).locator('option:checked')).toHaveText(
    'Symbols again',
  );
  await expect(app.getByRole('radio')).toHaveCount(0);
  host.dialogs.openFiles.push([join(out, 'samples.csv')]);
  await app.getByRole('button', { name: 'Import…' }).click();
  await expect(app.getByRole('status')).toContainText('Imported 3 samples from samples.csv.');
  await expect(app.getByRole('radio', { name: /○/ })).toContainText('2 · too few');
  await expect(app.getByRole('radio', { name: /★/ })).toContainText('1 · too few');
});
