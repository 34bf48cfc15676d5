// Making a custom set on the Samples screen the way a user does: name it, create it, add its classes.

import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Opens Samples, creates the set `name` and adds each class, waiting until its radio shows. */
export async function createSet(page: Page, name: string, classes: string[]): Promise<void> {
  await page.getByRole('tab', { name: 'Samples' }).click();
  await page.getByLabel('New set name').fill(name);
  await page.getByRole('button', { name: 'Create set' }).first().click();
  for (const label of classes) {
    await page.getByLabel('New class label').fill(label);
    await page.getByRole('button', { name: 'Add class' }).click();
    await expect(page.getByRole('radio', { name: new RegExp(label) })).toBeVisible();
  }
}
