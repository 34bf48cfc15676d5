// Picking an option of a <select> by the start of its label, when the rest of the label (counts,
// dates) depends on the run.

import type { Page } from '@playwright/test';

/** Selects, in the select named `name`, the first option whose label matches `pattern`. */
export async function selectOptionMatching(page: Page, name: string, pattern: RegExp): Promise<void> {
  const select = page.getByLabel(name);
  const label = (await select.locator('option').allTextContents()).find((t) => pattern.test(t))!;
  await select.selectOption({ label });
}
