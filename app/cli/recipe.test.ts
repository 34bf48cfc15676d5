// `glyph-lab train --recipe`: the real command, the real core and trainer process, on a tiny recipe in a
// temporary resources folder (the real built datasets linked in), written with --builtin the way the
// shipped models are made.

import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Recipe } from '../shared/recipe';
import { runCli } from './test-cli';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'glyph-cli-recipe-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A resources folder holding models/tiny/recipe.json, the package.json and the real datasets. */
function resources(): string {
  const res = path.join(tmp, 'res');
  mkdirSync(path.join(res, 'models', 'tiny'), { recursive: true });
  symlinkSync(path.join(ROOT, 'datasets'), path.join(res, 'datasets'));
  cpSync(path.join(ROOT, 'package.json'), path.join(res, 'package.json'));
  const digits = JSON.parse(
    readFileSync(path.join(ROOT, 'models', 'digits', 'recipe.json'), 'utf8'),
  ) as Recipe;
  const tiny: Recipe = {
    ...digits,
    id: 'tiny',
    name: 'Tiny digits',
    train: [
      { dataset: 'mnist', split: 'train', limit: 400 },
      { dataset: 'pen-digits', split: 'train', donors: { except: ['ibm'] }, limit: 200 },
      { generator: 'scribbles', count: 40 },
    ],
    validation: [{ dataset: 'pen-digits', split: 'train', donors: { only: ['ibm'] }, limit: 100 }],
    test: { label: 'MNIST test, first 200', source: { dataset: 'mnist', split: 'test', limit: 200 } },
    alsoTest: [
      { label: 'held-out writers, first 100', source: { dataset: 'pen-digits', split: 'test', limit: 100 } },
    ],
    model: { architecture: 'mlp' },
    training: { ...digits.training, epochs: 1, augmentation: 'none' },
  };
  writeFileSync(path.join(res, 'models', 'tiny', 'recipe.json'), JSON.stringify(tiny));
  return res;
}

describe('glyph-lab train --recipe', () => {
  it('trains the recipe and, with --builtin, replaces the shipped model folder with the result and its card', async () => {
    const res = resources();
    const r = await runCli(tmp, ['train', '--recipe', 'tiny', '--builtin', '--resources', res, '--json']);
    expect(r.stderr).not.toMatch(/failed/);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { modelPath: string; testCount: number };
    expect(out.modelPath).toBe(path.join(res, 'models', 'tiny'));
    expect(out.testCount).toBe(200);
    for (const f of ['model.json', 'weights.bin', 'README.md', 'recipe.json'])
      expect(existsSync(path.join(res, 'models', 'tiny', f))).toBe(true);
    const json = JSON.parse(readFileSync(path.join(res, 'models', 'tiny', 'model.json'), 'utf8'));
    expect(json.metadata.glyphLab.recipe.id).toBe('tiny');
    expect(json.metadata.glyphLab.calibration.temperature).toBeGreaterThan(0);
    expect(json.metadata.glyphLab.training.spec.recipe).toBe('tiny');
  }, 120_000);

  it('refuses training flags beside a recipe, --builtin without one, and an unknown recipe', async () => {
    const res = existsSync(path.join(tmp, 'res')) ? path.join(tmp, 'res') : resources();
    const clash = await runCli(tmp, ['train', '--recipe', 'tiny', '--epochs', '3', '--resources', res]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/drop --epochs/);
    const lone = await runCli(tmp, ['train', '--dataset', 'mnist', '--builtin', '--resources', res]);
    expect(lone.code).toBe(2);
    expect(lone.stderr).toMatch(/--builtin goes with --recipe/);
    const unknown = await runCli(tmp, ['train', '--recipe', 'nope', '--resources', res]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no built-in recipe "nope"/);
  }, 60_000);
});
