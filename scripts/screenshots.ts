// `npm run screenshots`: retake the docs' screenshots and copy them into docs/screenshots/.
// Builds the renderer, runs the e2e specs that take screenshots, and copies test-results/screenshots/
// only if they all passed. `--copy-only` copies what the last e2e run left instead.
//
//   npm run screenshots [-- --copy-only]

import { spawnSync } from 'node:child_process';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SCREENSHOTS } from '../e2e/screenshots';
import { copyScreenshots, specsTakingScreenshots } from './copy-screenshots';

const ROOT = resolve(import.meta.dirname, '..');
const DOCS = join(ROOT, 'docs', 'screenshots');

function run(command: string, args: string[]): void {
  console.log(`> ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`${command} ${args[0]} failed: docs/screenshots/ left as it was.`);
    process.exit(result.status ?? 1);
  }
}

const { values } = parseArgs({ options: { 'copy-only': { type: 'boolean', default: false } } });
if (!values['copy-only']) {
  const specs = specsTakingScreenshots(join(ROOT, 'e2e')).map((f) => `e2e/${f}`);
  run('npx', ['vite', 'build']);
  run('npx', ['playwright', 'test', ...specs]);
}
const report = copyScreenshots(SCREENSHOTS, DOCS);
const where = relative(ROOT, DOCS);
console.log(`${report.copied.length} copied into ${where}/, ${report.unchanged.length} unchanged.`);
for (const name of report.copied) console.log(`  ${name}`);
if (report.notRetaken.length > 0)
  console.log(`Not retaken by this run (left in place): ${report.notRetaken.join(', ')}`);
