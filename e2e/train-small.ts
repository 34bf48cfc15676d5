// Training as a person does it on the Train screen, small: one epoch on the first 1,000 MNIST images
// with a preset, then "Try it on Draw" (the specs that need a freshly trained model start here).

import type { Page } from '@playwright/test';
import { expect } from './fixtures';
import { selectOptionMatching } from './select-option';

export async function trainSmallOnMnist(
  page: Page,
  {
    architecture,
    name,
    timeout,
    beforeStart,
  }: {
    architecture: string;
    name: string;
    /** How long the training may take before "Try it on Draw" shows (a loaded machine is slow). */
    timeout: number;
    /** Checks on the filled form, before Start. */
    beforeStart?: () => Promise<void>;
  },
): Promise<void> {
  await page.getByRole('tab', { name: 'Train' }).click();
  await selectOptionMatching(page, 'Dataset', /mnist|digit/i);
  await page.getByLabel('Architecture').selectOption(architecture);
  await beforeStart?.();
  await page.getByLabel('Epochs').fill('1');
  await page.getByLabel('Limit').fill('1000');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Start training' }).click();
  await page.getByRole('button', { name: 'Try it on Draw' }).click({ timeout });
  await expect(page.getByRole('tab', { name: 'Draw' })).toHaveAttribute('aria-selected', 'true');
}
