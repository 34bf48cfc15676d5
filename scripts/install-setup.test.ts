// The install setup (issue 18, item 23): onnxruntime-node's install step downloads CUDA libraries, which
// these machines cannot reach, so it is denied in package.json's allowScripts rather than skipped by an
// .npmrc key npm does not know (which made every `npx glyph-lab` call warn). npm itself is asked here.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

it('denies the download step in allowScripts and gives npm no config key it does not know', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    allowScripts?: Record<string, boolean>;
  };
  expect(pkg.allowScripts?.['onnxruntime-node']).toBe(false);
  const npmrc = path.join(ROOT, '.npmrc');
  if (existsSync(npmrc)) expect(readFileSync(npmrc, 'utf8')).not.toMatch(/onnxruntime/);
  const run = spawnSync('npm', ['pkg', 'get', 'name'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.status).toBe(0);
  expect(run.stderr).not.toMatch(/Unknown (project|user|global) config/);
  // npm reviews every install script of the lock: none is left undecided.
  const pending = spawnSync('npm', ['install-scripts', 'ls'], { cwd: ROOT, encoding: 'utf8' });
  if (pending.status === 0) expect(pending.stdout).toMatch(/No packages with unreviewed install scripts/);
});
