// The glyph-lab command end to end: real processes through bin/glyph-lab.js, a real trainer child,
// the real engine on a small MNIST subset.

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePng } from '../../datasets/io/image-file';
import { normalizeStrokes, strokesFromPairs } from '../../datasets/normalize';
import { drawSymbol } from '../../datasets/symbol-strokes';
import { tempDir } from '../core/test-helpers';
import { runCli } from './test-cli';

let tmp: ReturnType<typeof tempDir>;

const cli = (...args: string[]) => runCli(tmp.dir, args);

/** A dark "1" on white paper, 100×100, as a photo of a drawing would be. */
async function drawOne(file: string): Promise<void> {
  const w = 100;
  const pixels = Buffer.alloc(w * w, 255);
  for (let y = 15; y < 85; y++) for (let x = 46; x < 54; x++) pixels[y * w + x] = 0;
  await sharp(pixels, { raw: { width: w, height: w, channels: 1 } })
    .png()
    .toFile(file);
}

/** `glyph-lab export <model> --format onnx` succeeds and writes `<tmp>/<name>`. */
async function exportsOnnx(model: string, name: string): Promise<void> {
  const out = path.join(tmp.dir, name);
  const onnx = await cli('export', model, '--format', 'onnx', '--out', out);
  expect(onnx.code, onnx.stderr).toBe(0);
  expect(existsSync(out)).toBe(true);
}

beforeAll(() => {
  tmp = tempDir('glyph-cli-');
});
afterAll(() => tmp.remove());

describe('glyph-lab CLI', () => {
  it('trains, evaluates, predicts, exports and imports', async () => {
    const layers = JSON.stringify([
      { type: 'flatten', config: {} },
      { type: 'dense', config: { units: 32 } },
      { type: 'relu', config: {} },
      { type: 'dense', config: { units: 10 } },
    ]);
    const out = path.join(tmp.dir, 'tiny-model');
    const trained = await cli(
      'train',
      '--dataset',
      'mnist',
      '--layers',
      layers,
      '--epochs',
      '1',
      '--limit',
      '512',
      '--lr',
      '0.01',
      '--seed',
      '3',
      '--label-smoothing',
      '0.1',
      '--threads',
      '1',
      '--out',
      out,
      '--json',
    );
    expect(trained.code, trained.stderr).toBe(0);
    const summary = JSON.parse(trained.stdout.trim().split('\n').at(-1)!);
    expect(summary.testAccuracy).toBeGreaterThan(0.3);
    expect(Object.keys(summary.perClass)).toHaveLength(10);
    expect(summary.modelPath).toBe(out);
    expect(summary.threads).toEqual({ count: 1, reason: '1 thread: as asked' });
    expect(typeof summary.seconds).toBe('number');
    expect(existsSync(path.join(out, 'model.json'))).toBe(true);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toMatch(/Test accuracy/);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toMatch(/label smoothing 0\.1/);
    expect(readFileSync(path.join(out, 'README.md'), 'utf8')).toMatch(/Trained on 1 thread: as asked/);
    expect(trained.stderr).toMatch(/epoch 1/);

    // By id from the store; a folder path works the same way (predict below).
    const evaluated = await cli('evaluate', summary.model, '--json');
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const e = JSON.parse(evaluated.stdout);
    expect(e.testCount).toBe(10_000);
    expect(e.confusion).toHaveLength(10);

    const png = path.join(tmp.dir, 'one.png');
    await drawOne(png);
    const predicted = await cli('predict', png, '--model', out, '--json');
    expect(predicted.code, predicted.stderr).toBe(0);
    const line = JSON.parse(predicted.stdout.trim());
    expect(line.file).toBe(png);
    expect(Object.keys(line.confidences)).toHaveLength(10);
    const total = Object.values(line.confidences as Record<string, number>).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 4);
    expect(line.label).toBe(
      Object.entries(line.confidences as Record<string, number>).sort((a, b) => b[1] - a[1])[0]![0],
    );

    await exportsOnnx(summary.model, 'tiny.onnx');

    const imported = await cli('import', out, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout).classes).toHaveLength(10);
  });

  it('runs the retraining journey headless: a set, its samples, fine-tuning, the set and model exported', async () => {
    const created = await cli('datasets', 'create', 'Stars', '--json');
    expect(created.code, created.stderr).toBe(0);
    const set = JSON.parse(created.stdout).id as string;
    // 10 drawn stars as image files in a <label>/ folder, the layout other tools write.
    const folder = path.join(tmp.dir, 'stars-in', '★');
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < 10; i++) {
      const strokes = drawSymbol('★', 300 + i).map((s) =>
        s.map(([x, y]) => [x * 400, y * 400] as [number, number]),
      );
      const image = normalizeStrokes(strokesFromPairs(strokes), { minExtent: 24 });
      writeFileSync(path.join(folder, `${i}.png`), await encodePng(image));
    }
    const imported = await cli('samples', 'import', set, path.join(tmp.dir, 'stars-in'), '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect(JSON.parse(imported.stdout)).toEqual({ imported: 10, rejected: [] });

    const trained = await cli('train', '--dataset', set, '--base', 'builtin-digits', '--seed', '2', '--json');
    expect(trained.code, trained.stderr).toBe(0);
    const summary = JSON.parse(trained.stdout.trim().split('\n').at(-1)!);
    expect(summary.fineTune.newClasses).toEqual(['★']);
    expect(summary.fineTune.base.count).toBe(2000);
    expect(summary.fineTune.base.after).toBeGreaterThan(summary.fineTune.base.before - 0.02);
    expect(summary.fineTune.custom).toMatchObject({ count: 2, before: 0 });
    expect(Array.isArray(summary.suspicious)).toBe(true);
    const text = await cli('models', 'list');
    expect(text.stdout).toContain(summary.model);

    const setOut = path.join(tmp.dir, 'stars-out');
    const exported = await cli('datasets', 'export', set, '--out', setOut);
    expect(exported.code, exported.stderr).toBe(0);
    expect(readdirSync(path.join(setOut, '_2605_')).filter((n) => n.endsWith('.png'))).toHaveLength(10);
    await exportsOnnx(summary.model, 'star.onnx');
  });

  it('refuses to predict a blank image, as import refuses it (exit 1, the reason on stderr)', async () => {
    const blank = path.join(tmp.dir, 'blank.png');
    await sharp(Buffer.alloc(100 * 100, 255), { raw: { width: 100, height: 100, channels: 1 } })
      .png()
      .toFile(blank);
    const predicted = await cli('predict', blank, '--model', 'builtin-digits');
    expect(predicted.code).toBe(1);
    expect(predicted.stdout).toBe('');
    expect(predicted.stderr.trim()).toBe(`${blank}: no ink found in the image`);
    const json = await cli('predict', blank, '--model', 'builtin-digits', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ file: blank, error: 'no ink found in the image' });
  });

  it('answers bad input with one line and the right exit code', async () => {
    const usage = await cli('train', '--epochs', 'many', '--dataset', 'mnist');
    expect(usage.code).toBe(2);
    expect(usage.stderr.split('\n')[0]).toMatch(/--epochs/);
    expect((await cli('train', '--bogus-flag')).code).toBe(2);
    const smoothing = await cli('train', '--dataset', 'mnist', '--label-smoothing', '0.9');
    expect(smoothing.code).toBe(2);
    expect(smoothing.stderr).toMatch(/--label-smoothing/);
    for (const threads of ['0', '1.5', '9999', 'all']) {
      const bad = await cli('train', '--dataset', 'mnist', '--threads', threads);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--threads must be auto or a whole number from 1 to \d+/);
    }
    // 50,000 deep (one argument may be 128 KB): a usage error, not a stack overflow later
    const deep = await cli(
      'train',
      '--dataset',
      'mnist',
      '--layers',
      `${'['.repeat(50_000)}${']'.repeat(50_000)}`,
    );
    expect(deep.code).toBe(2);
    expect(deep.stderr).toMatch(/--layers must be a JSON array .*nested deeper than 64 levels/);
    const huge = await cli(
      'train',
      '--dataset',
      'mnist',
      '--layers',
      '[{"type":"flatten"},{"type":"dense","config":{"units":1000000}}]',
    );
    expect(huge.code).toBe(2);
    expect(huge.stderr.trim()).toMatch(/layers\.1\.config\.units: dense units: Too big/);
    const missing = await cli('evaluate', 'no-such-model');
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const notModel = await cli('import', tmp.dir);
    expect(notModel.code).toBe(1);
    expect(notModel.stderr).toMatch(/not a Glyph Lab model/);
  });
});
