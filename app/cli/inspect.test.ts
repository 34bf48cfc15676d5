// `glyph-lab inspect` and the classic preset from the command line, end to end: real processes through
// bin/glyph-lab.js, PNG files on disk, the built-in digits model, and a classic network trained by the
// real trainer child on the first MNIST images.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/test-helpers';
import { runCli } from './test-cli';

let tmp: ReturnType<typeof tempDir>;
let one: string;

const cli = (...args: string[]) => runCli(tmp.dir, args);

/** A dark vertical bar on white paper, 100×100 (a photographed "1"); `ink: false` leaves it blank. */
async function drawing(file: string, ink = true): Promise<string> {
  const w = 100;
  const pixels = Buffer.alloc(w * w, 255);
  if (ink) for (let y = 15; y < 85; y++) for (let x = 46; x < 54; x++) pixels[y * w + x] = 0;
  await sharp(pixels, { raw: { width: w, height: w, channels: 1 } })
    .png()
    .toFile(file);
  return file;
}

beforeAll(async () => {
  tmp = tempDir('glyph-inspect-');
  one = await drawing(path.join(tmp.dir, 'one.png'));
});
afterAll(() => tmp.remove());

describe('glyph-lab inspect', () => {
  it('prints every layer’s activation statistics for an image, read as predict reads it', async () => {
    const shown = await cli('inspect', 'builtin-digits', one, '--json');
    expect(shown.code, shown.stderr).toBe(0);
    const r = JSON.parse(shown.stdout);
    expect(r.label).toBe('1');
    expect(r.layers.length).toBeGreaterThan(3);
    expect(r.layers[0]).toMatchObject({ index: 0, type: 'conv2d' });
    for (const l of r.layers) {
      expect(l.min).toBeLessThanOrEqual(l.mean);
      expect(l.mean).toBeLessThanOrEqual(l.max);
    }
    expect(r.layers.at(-1).shape).toEqual([10]);
    expect(r.backward).toBeUndefined();

    const predicted = await cli('predict', one, '--model', 'builtin-digits', '--json');
    expect(JSON.parse(predicted.stdout).confidences['1']).toBeCloseTo(r.confidences['1'], 6);
  });

  it('with --target, prints the output error and each layer’s error-signal and gradient norms', async () => {
    const shown = await cli('inspect', 'builtin-digits', one, '--target', '7', '--json');
    expect(shown.code, shown.stderr).toBe(0);
    const b = JSON.parse(shown.stdout).backward;
    expect(b).toMatchObject({ target: '7', loss: 'cross-entropy' });
    // actual − desired: the target's output is below its desired 1, the others above their 0.
    expect(b.outputError['7']).toBeLessThan(0);
    expect(b.outputError['1']).toBeGreaterThan(0);
    expect(b.layers.map((l: { index: number }) => l.index)).toEqual(
      JSON.parse(shown.stdout).layers.map((l: { index: number }) => l.index),
    );
    const params = b.layers.flatMap((l: { params: unknown[] }) => l.params);
    expect(params.length).toBeGreaterThan(0);
    for (const p of params) expect(p.gradientNorm).toBeGreaterThan(0);

    const text = await cli('inspect', 'builtin-digits', one, '--target', '7');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/backward pass for target 7/);
    expect(text.stdout).toMatch(/output error \(actual − desired\)/);
    expect(text.stdout).toMatch(/0\.conv2d\.kernel/);
  });

  it('answers bad input with one line and the right exit code', async () => {
    const unknown = await cli('inspect', 'builtin-digits', one, '--target', 'Z');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/--target must be one of/);
    expect((await cli('inspect', 'builtin-digits')).code).toBe(2);
    const blank = await cli(
      'inspect',
      'builtin-digits',
      await drawing(path.join(tmp.dir, 'blank.png'), false),
    );
    expect(blank.code).toBe(1);
    expect(blank.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli('inspect', 'no-such-model', one)).code).toBe(1);
  });
});

describe('glyph-lab train --preset classic and --loss', () => {
  it('refuses an unknown loss', async () => {
    const bad = await cli('train', '--dataset', 'mnist', '--loss', 'hinge');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--loss must be cross-entropy or mse/);
  });

  it('trains the classic network until it converges; the card and the summary say the loss and the epochs', async () => {
    const out = path.join(tmp.dir, 'classic');
    const cap = 60;
    const trained = await cli(
      'train',
      '--dataset',
      'mnist',
      '--preset',
      'classic',
      '--limit',
      '1500',
      '--validation',
      '0.2',
      '--epochs',
      String(cap),
      '--out',
      out,
      '--json',
    );
    expect(trained.code, trained.stderr).toBe(0);
    const summary = JSON.parse(trained.stdout.trim().split('\n').at(-1)!);
    expect(summary.loss).toBe('mse');
    expect(summary.converged.epochs).toBe(summary.epochs);
    expect(summary.epochs).toBeLessThan(cap);
    expect(summary.testAccuracy).toBeGreaterThan(0.7);
    const card = readFileSync(path.join(out, 'README.md'), 'utf8');
    expect(card).toMatch(/- Loss: mean squared error on sigmoid outputs\./);
    expect(card).toMatch(new RegExp(`Converged after ${summary.epochs} epoch`));
    expect(card).toMatch(/Test loss: [\d.]+ \(cross-entropy on the softmax of the outputs/);

    // Its backward pass starts from the squared error it was trained with.
    const shown = await cli('inspect', out, one, '--target', '1', '--json');
    expect(shown.code, shown.stderr).toBe(0);
    const b = JSON.parse(shown.stdout).backward;
    expect(b.loss).toBe('mse');
    expect(b.layers.map((l: { type: string }) => l.type)).toEqual(['flatten', 'dense', 'sigmoid', 'dense']);

    const ce = await cli(
      'train',
      '--dataset',
      'mnist',
      '--preset',
      'classic',
      '--loss',
      'cross-entropy',
      '--limit',
      '300',
      '--epochs',
      '1',
      '--lr',
      '0.5',
      '--out',
      path.join(tmp.dir, 'classic-ce'),
      '--json',
    );
    expect(ce.code, ce.stderr).toBe(0);
    expect(JSON.parse(ce.stdout.trim().split('\n').at(-1)!).loss).toBe('cross-entropy');
    expect(readFileSync(path.join(tmp.dir, 'classic-ce', 'README.md'), 'utf8')).toMatch(
      /- Loss: softmax cross-entropy\./,
    );
  }, 180_000);
});
