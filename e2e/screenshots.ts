// Where the specs write their screenshots: inside Playwright's output folder (gitignored, emptied at
// the start of every run), so a test run never rewrites a tracked file. `npm run screenshots`
// copies them into docs/screenshots/ when someone means to update the docs.

import { join, resolve } from 'node:path';

export const SCREENSHOTS = resolve(import.meta.dirname, '../test-results/screenshots');

/** The path for a screenshot named like its docs/screenshots/ counterpart (`draw.png`). */
export function screenshotPath(name: string): string {
  return join(SCREENSHOTS, name);
}
