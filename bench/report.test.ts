import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BENCHMARKS_MD,
  formatDate,
  type RunStart,
  replaceSection,
  runLine,
  runStart,
  sectionIds,
  writeRow,
  writeSection,
} from './report';

const DOC = [
  '# Benchmarks',
  '',
  '## Engine',
  '',
  'Hand-written prose stays.',
  '',
  '<!-- bench:engine:start -->',
  'old figures',
  '| a | b |',
  '<!-- bench:engine:end -->',
  '',
  '## Kernels',
  '',
  '<!-- bench:kernels:start -->',
  'kernel figures',
  '<!-- bench:kernels:end -->',
  '',
].join('\n');

const START: RunStart = {
  command: 'npx tsx bench/engine-bench.ts',
  date: new Date('2026-11-24T20:02:31Z'),
  machine: 'AMD EPYC × 2, Node v20.20.2',
  load: 2.64,
};

describe('replaceSection', () => {
  it('replaces only what is between the markers of that section', () => {
    const out = replaceSection(DOC, 'engine', '| new | table |\n');
    expect(out).toBe(DOC.replace('old figures\n| a | b |', '| new | table |'));
    expect(out).toContain('Hand-written prose stays.');
    expect(out).toContain('kernel figures');
  });

  it('gives the same document when run twice (a refresh, not an append)', () => {
    const once = replaceSection(DOC, 'engine', 'x');
    expect(replaceSection(once, 'engine', 'x')).toBe(once);
  });

  it('says which marker is missing or repeated', () => {
    expect(() => replaceSection(DOC, 'finetune', 'x')).toThrow(
      /exactly one "<!-- bench:finetune:start -->".*found 0 and 0/,
    );
    const twice = `${DOC}\n<!-- bench:engine:start -->\n`;
    expect(() => replaceSection(twice, 'engine', 'x')).toThrow(/found 2 and 1/);
    const reversed = '<!-- bench:a:end -->\n<!-- bench:a:start -->\n';
    expect(() => replaceSection(reversed, 'a', 'x')).toThrow(/comes before/);
  });
});

describe('the run line', () => {
  it('records the command, the date in UTC and the load average at both ends', () => {
    expect(formatDate(START.date)).toBe('2026-11-24 20:02 UTC');
    expect(runLine(START, 2.5)).toBe(
      '`npx tsx bench/engine-bench.ts` · 2026-11-24 20:02 UTC · load average 2.64 → 2.50 · AMD EPYC × 2, Node v20.20.2',
    );
  });

  it('writes the command as typed, without --no-docs', () => {
    const start = runStart('bench/accuracy.ts', ['--only', 'mlp', '--no-docs']);
    expect(start.command).toBe('npx tsx bench/accuracy.ts --only mlp');
    expect(start.load).toBeGreaterThanOrEqual(0);
  });
});

describe('writeSection', () => {
  let dir: string;
  let file: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'glyph-bench-report-'));
    file = path.join(dir, 'benchmarks.md');
    await writeFile(file, DOC);
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('refreshes the section in the file and leaves no temporary file', async () => {
    expect(await writeSection('kernels', START, '| GEMM | 38 |', { file, args: [] })).toBe(true);
    const doc = await readFile(file, 'utf8');
    expect(doc).toMatch(
      /<!-- bench:kernels:start -->\n`npx tsx bench\/engine-bench.ts` · 2026-11-24 20:02 UTC · load average 2.64 → \d+\.\d\d · AMD EPYC × 2, Node v20.20.2\n\n\| GEMM \| 38 \|\n<!-- bench:kernels:end -->/,
    );
    expect(doc).toContain('old figures');
    expect(await readdir(dir)).toEqual(['benchmarks.md']);
  });

  it('writes nothing with --no-docs, or for a section the page does not have', async () => {
    expect(await writeSection('kernels', START, 'x', { file, args: ['--no-docs'] })).toBe(false);
    expect(await writeSection('accuracy-letters-mlp', START, 'x', { file, args: [] })).toBe(false);
    expect(await readFile(file, 'utf8')).toBe(DOC);
  });

  it('refuses a page whose markers are broken, and leaves it as it was', async () => {
    const broken = DOC.replace('<!-- bench:kernels:end -->', '');
    await writeFile(file, broken);
    await expect(writeSection('kernels', START, 'x', { file, args: [] })).rejects.toThrow(/found 1 and 0/);
    expect(await readFile(file, 'utf8')).toBe(broken);
  });
});

describe('writeRow', () => {
  let dir: string;
  let file: string;
  const header = ['| preset | accuracy | measured |', '|---|---|---|'] as const;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'glyph-bench-row-'));
    file = path.join(dir, 'benchmarks.md');
    await writeFile(file, DOC.replace('kernel figures', [...header, '| mlp | 98 % | old run |'].join('\n')));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('replaces its own row in place, adds a new one at the end, and says which run measured each', async () => {
    expect(await writeRow('kernels', START, header, ['cnn', '99 %'], { file, args: [] })).toBe(true);
    expect(await writeRow('kernels', START, header, ['mlp', '97 %'], { file, args: [] })).toBe(true);
    const doc = await readFile(file, 'utf8');
    const table = doc
      .slice(doc.indexOf('| preset'), doc.indexOf('<!-- bench:kernels:end -->'))
      .trim()
      .split('\n');
    expect(table.slice(0, 2)).toEqual([...header]);
    expect(table[2]).toMatch(
      /^\| mlp \| 97 % \| `npx tsx bench\/engine-bench.ts` · 2026-11-24 20:02 UTC · load 2.6 → \d+\.\d \|$/,
    );
    expect(table[3]).toMatch(/^\| cnn \| 99 % \| `npx tsx/);
    expect(table).toHaveLength(4);
    expect(doc).toContain('old figures');
    expect(await writeRow('kernels', START, header, ['x', '1'], { file, args: ['--no-docs'] })).toBe(false);
  });
});

describe('docs/benchmarks.md', () => {
  it('has each section that `npm run bench` refreshes, once', async () => {
    const doc = await readFile(BENCHMARKS_MD, 'utf8');
    const ids = sectionIds(doc);
    expect(ids).toEqual([
      'built-in-models',
      'engine',
      'kernels',
      'kernel-accuracy',
      'accuracy-mnist',
      'handwriting-digits',
      'handwriting-letters',
      'handwriting-characters',
      'lines',
      'finetune',
      'trainer',
    ]);
    for (const id of ids) expect(() => replaceSection(doc, id, 'x')).not.toThrow();
  });
});
