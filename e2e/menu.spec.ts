// The native menu's commands reach the renderer as `menu:command` events (main sends them; here the
// host emits them over the same bridge) and act on the right screen: help, export and import of a
// model. A corrupt model file gets a clear error and changes nothing.

import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { MenuCommand } from '../app/shared/types';
import { expect, test } from './fixtures';

async function menu(page: Page, command: MenuCommand): Promise<void> {
  await page.evaluate(
    (c) => (window as unknown as { __glyphEmit(e: string, p: unknown): void }).__glyphEmit('menu:command', c),
    command,
  );
}

test('menu: help, export the active model, import it back, reject a corrupt file', async ({ app, host }) => {
  await menu(app, 'show-help');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

  // File ▸ Export model… saves the active digits model in the native format where the dialog says.
  const target = join(host.userDataDir, 'exported-digits');
  host.dialogs.saveFile.push(target);
  await menu(app, 'export-model');
  await expect(app.getByRole('tab', { name: 'Models' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => existsSync(join(target, 'model.json')), { timeout: 15_000 }).toBe(true);
  expect(readdirSync(target).sort()).toEqual([
    '.glyph-lab-export.json',
    'README.md',
    'model.json',
    'weights.bin',
  ]);

  const table = app.getByRole('table', { name: 'Saved models' });
  const rows = table.getByRole('row');
  const before = await rows.count();
  // Everything the app keeps in its user-data folder (the test's own folders aside).
  const stored = () =>
    (readdirSync(host.userDataDir, { recursive: true }) as string[])
      .filter((f) => !/^(corrupt|exported-digits)/.test(f))
      .sort();
  const filesBefore = stored();

  // A corrupt model: a clear message, no new row, nothing written to the store.
  const corrupt = join(host.userDataDir, 'corrupt');
  mkdirSync(corrupt);
  writeFileSync(join(corrupt, 'model.json'), '{"format": "glyph-lab-model", "version": 1, "layers": [');
  host.dialogs.openFiles.push([join(corrupt, 'model.json')]);
  await menu(app, 'import-model');
  await expect(app.getByRole('status').filter({ hasText: 'not a Glyph Lab model' })).toBeVisible();
  await expect(rows).toHaveCount(before);
  expect(stored()).toEqual(filesBefore);

  // File ▸ Import model… with the exported folder: the model comes back as a new entry.
  host.dialogs.openFiles.push([join(target, 'model.json')]);
  await menu(app, 'import-model');
  await expect(app.getByRole('status').filter({ hasText: 'Imported' })).toBeVisible();
  await expect(rows).toHaveCount(before + 1);
});
