// `glyph-lab read` end to end: real processes through bin/glyph-lab.js, on PNG files of lines composed
// from real pen digits of the held-out UNIPEN writers (datasets/lines/held-out-lines.ts), and on the
// files a command line meets by mistake (blank, not an image, a huge header, a missing model).

import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawLine } from '../../datasets/lines/draw-line';
import { digitLines, loadHeldOutUnipen } from '../../datasets/lines/held-out-lines';
import { linePng } from '../../datasets/lines/line-png';
import { tempDir } from '../core/test-helpers';
import { headerOnlyPng } from '../core/test-png';
import { runCli } from './test-cli';

let tmp: ReturnType<typeof tempDir>;
const cli = (...args: string[]) => runCli(tmp.dir, args);

/** Three 5-digit lines of held-out writers (seed 7: lines the digits model reads right as images). */
const TEXTS: string[] = [];
let lineDir: string;

beforeAll(async () => {
  tmp = tempDir('glyph-read-');
  const samples = loadHeldOutUnipen();
  if (!samples) throw new Error('the bundled UNIPEN file is missing');
  lineDir = path.join(tmp.dir, 'lines');
  mkdirSync(lineDir);
  const lines = digitLines(samples, 4, 5, 7);
  for (const [i, l] of [lines[0], lines[2], lines[3]].entries()) {
    TEXTS.push(l.text);
    writeFileSync(path.join(lineDir, `line-${i}.png`), await linePng(drawLine(l)));
  }
  // Not an image: a folder's other files are left out, a file named on the command line is refused.
  writeFileSync(path.join(lineDir, 'notes.txt'), 'not a picture');
  writeFileSync(path.join(tmp.dir, 'fake.png'), 'not a picture either');
  await sharp(Buffer.alloc(300 * 80, 255), { raw: { width: 300, height: 80, channels: 1 } })
    .png()
    .toFile(path.join(tmp.dir, 'blank.png'));
  headerOnlyPng(path.join(tmp.dir, 'huge.png'), 60_000, 60_000);
  // Salt and pepper: 2,500 separate dots, dark on white.
  const noise = Buffer.alloc(400 * 100, 255);
  for (let y = 0; y < 100; y += 4)
    for (let x = 0; x < 400; x += 4) for (const p of [0, 1, 400, 401]) noise[y * 400 + x + p] = 0;
  await sharp(noise, { raw: { width: 400, height: 100, channels: 1 } })
    .png()
    .toFile(path.join(tmp.dir, 'noise.png'));
});
afterAll(() => tmp.remove());

describe('glyph-lab read', () => {
  it('reads a rendered line of real held-out pen digits back, one line per file', async () => {
    const file = path.join(lineDir, 'line-0.png');
    const r = await cli('read', file, '--kind', 'number', '--model', 'builtin-digits');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(`${file}\t${TEXTS[0]}\n`);
  });

  it('reads a folder: its image files, sorted', async () => {
    const r = await cli('read', lineDir, '--kind', 'number');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(TEXTS.map((t, i) => `${path.join(lineDir, `line-${i}.png`)}\t${t}\n`).join(''));
  });

  it('--pattern: a mixed line read as exactly the pattern, each character inside its kind', async () => {
    const file = path.join(lineDir, 'line-0.png');
    const r = await cli('read', file, '--kind', 'mixed', '--pattern', 'A0000');
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.trim().split('\t')[1];
    expect(text).toMatch(/^[A-Z][0-9]{4}$/);
    expect(text.slice(1)).toBe(TEXTS[0].slice(1));
  });

  it('--json: one object per image with each character, its alternatives and its box', async () => {
    const file = path.join(lineDir, 'line-1.png');
    const r = await cli('read', file, '--kind', 'number', '--json');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const out = JSON.parse(lines[0]);
    expect(Object.keys(out)).toEqual(['file', 'text', 'characters']);
    expect(out.file).toBe(file);
    expect(out.text).toBe(TEXTS[1]);
    expect(out.characters).toHaveLength(5);
    let right = -1;
    for (const [i, c] of out.characters.entries()) {
      expect(c.text).toBe(TEXTS[1][i]);
      expect(c.confidence).toBeGreaterThan(0);
      expect(c.confidence).toBeLessThanOrEqual(1);
      expect(c.alternatives).toHaveLength(3);
      expect(c.alternatives[0]).toEqual({ text: c.text, confidence: c.confidence });
      // Left to right, inside the picture (pixel edges).
      expect(c.box.x0).toBeGreaterThan(right);
      expect(c.box.x1).toBeGreaterThan(c.box.x0);
      expect(c.box.y1).toBeGreaterThan(c.box.y0);
      right = c.box.x0;
    }
  });

  it('refuses a blank image, a file that is no image, a huge header and noise, and reads the rest (exit 1)', async () => {
    const blank = path.join(tmp.dir, 'blank.png');
    const fake = path.join(tmp.dir, 'fake.png');
    const huge = path.join(tmp.dir, 'huge.png');
    const noise = path.join(tmp.dir, 'noise.png');
    const good = path.join(lineDir, 'line-0.png');
    const r = await cli('read', blank, fake, huge, noise, good, '--kind', 'number');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`${good}\t${TEXTS[0]}\n`);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toHaveLength(4);
    expect(errors[3]).toBe(
      `${noise}: 2,500 separate marks: more than a line of handwriting holds (at most 2,000)`,
    );
    expect(errors[0]).toBe(`${blank}: no ink found in the image`);
    expect(errors[1]).toMatch(/^.*fake\.png: fake\.png: not a readable image/);
    expect(errors[2]).toMatch(/huge\.png: 60000×60000 is too large .*scale it down first$/);
    const json = await cli('read', blank, '--kind', 'number', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ file: blank, error: 'no ink found in the image' });
  });

  it('answers a missing model, a bad --kind and no input with one line and the right exit code', async () => {
    const file = path.join(lineDir, 'line-0.png');
    const missing = await cli('read', file, '--model', 'no-such-model');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(missing.stderr).toMatch(/no-such-model/);
    const kind = await cli('read', file, '--kind', 'plates');
    expect(kind.code).toBe(2);
    expect(kind.stderr.split('\n')[0]).toMatch(/--kind: "plates"/);
    const pattern = await cli('read', file, '--pattern', 'AB12');
    expect(pattern.code).toBe(2);
    expect(pattern.stderr.split('\n')[0]).toMatch(/--pattern "AB12": use A for a letter/);
    expect((await cli('read', file, '--kind', 'number', '--pattern', '00000')).code).toBe(2);
    expect((await cli('read')).code).toBe(2);
    const nothing = await cli('read', path.join(tmp.dir, 'no-such-file.png'));
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toMatch(/no such file or folder/);
  });
});
