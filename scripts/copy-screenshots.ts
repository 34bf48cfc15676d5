// The docs' screenshots come from the e2e run, copied on purpose: the specs write PNGs into
// test-results/screenshots/ (e2e/screenshots.ts) and only `npm run screenshots` puts them in
// docs/screenshots/. Never deletes: a docs screenshot no spec retook is reported, not removed.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';

export interface CopyReport {
  /** Names copied (new or changed). */
  copied: string[];
  /** Names whose bytes were already the same. */
  unchanged: string[];
  /** PNGs in the docs folder that this run did not produce (renamed or dropped shots?). */
  notRetaken: string[];
}

const pngs = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.png'))
        .sort()
    : [];

/** Copy every PNG of `from` into `to`, each through a temporary file and a rename. */
export function copyScreenshots(from: string, to: string): CopyReport {
  const taken = pngs(from);
  if (taken.length === 0) throw new Error(`No screenshots in ${from}: run the e2e specs first.`);
  mkdirSync(to, { recursive: true });
  const report: CopyReport = { copied: [], unchanged: [], notRetaken: [] };
  for (const name of taken) {
    const source = join(from, name);
    const target = join(to, name);
    if (existsSync(target) && readFileSync(source).equals(readFileSync(target))) {
      report.unchanged.push(name);
      continue;
    }
    const temporary = `${target}.${process.pid}.tmp`;
    copyFileSync(source, temporary);
    renameSync(temporary, target);
    report.copied.push(name);
  }
  report.notRetaken = pngs(to).filter((name) => !taken.includes(name));
  return report;
}

/** The e2e specs that take screenshots: those that import e2e/screenshots.ts. */
export function specsTakingScreenshots(e2eDir: string): string[] {
  return readdirSync(e2eDir)
    .filter((f) => f.endsWith('.spec.ts'))
    .filter((f) => /from '\.\/screenshots'/.test(readFileSync(join(e2eDir, f), 'utf8')))
    .sort();
}
