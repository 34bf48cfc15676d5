import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyScreenshots, specsTakingScreenshots } from './copy-screenshots';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('copyScreenshots', () => {
  it('copies new and changed PNGs, leaves the rest of the docs folder alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'glyph-shots-'));
    const from = join(dir, 'test-results');
    const to = join(dir, 'docs');
    mkdirSync(from);
    mkdirSync(to);
    writeFileSync(join(from, 'draw.png'), 'new draw');
    writeFileSync(join(from, 'train.png'), 'same');
    writeFileSync(join(from, 'notes.txt'), 'not a screenshot');
    writeFileSync(join(to, 'draw.png'), 'old draw');
    writeFileSync(join(to, 'train.png'), 'same');
    writeFileSync(join(to, 'retired.png'), 'kept');

    const report = copyScreenshots(from, to);
    expect(report).toEqual({ copied: ['draw.png'], unchanged: ['train.png'], notRetaken: ['retired.png'] });
    expect(readFileSync(join(to, 'draw.png'), 'utf8')).toBe('new draw');
    expect(readdirSync(to).sort()).toEqual(['draw.png', 'retired.png', 'train.png']);
  });

  it('refuses an empty run instead of reporting nothing copied', () => {
    dir = mkdtempSync(join(tmpdir(), 'glyph-shots-'));
    expect(() => copyScreenshots(join(dir, 'missing'), join(dir, 'docs'))).toThrow(/run the e2e specs first/);
  });
});

describe('specsTakingScreenshots', () => {
  it('finds the specs that write screenshots', () => {
    const specs = specsTakingScreenshots(resolve(import.meta.dirname, '../e2e'));
    expect(specs).toEqual(
      expect.arrayContaining(['renderer.spec.ts', 'finetune.spec.ts', 'latency.spec.ts']),
    );
    expect(specs).not.toContain('menu.spec.ts');
  });
});
