// The lab stays apart from the product: no file of app/, scripts/, engine/, datasets/ or renderer/
// (tests included) imports from bench/ or runs a file there. What both need lives in the product, and
// bench/ imports it from there.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const PRODUCT = ['app', 'scripts', 'engine', 'datasets', 'renderer'];
const BENCH = join(ROOT, 'bench');

/** Every .ts / .tsx / .js / .mjs file under `dir`, recursively. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|mts|js|mjs)$/.test(e.name))
    .map((e) => join(e.parentPath, e.name));
}

// `from '…'`, `import '…'`, `import('…')`, `require('…')`, `new URL('…', import.meta.url)`.
const SPECIFIERS = [
  /\bfrom\s*['"]([^'"]+)['"]/g,
  /\bimport\s*['"]([^'"]+)['"]/g,
  /\bimport\(\s*['"]([^'"]+)['"]/g,
  /\brequire\(\s*['"]([^'"]+)['"]/g,
  /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url/g,
];

/** The relative specifiers of `file` that resolve into bench/. */
function benchImports(file: string, text: string): string[] {
  const found: string[] = [];
  for (const pattern of SPECIFIERS)
    for (const [, spec] of text.matchAll(pattern)) {
      if (!spec!.startsWith('.')) continue;
      const target = resolve(dirname(file), spec!);
      if (target === BENCH || target.startsWith(BENCH + sep)) found.push(spec!);
    }
  return found;
}

describe('the product does not depend on bench/', () => {
  it('finds an import into bench/ when there is one (the check itself)', () => {
    const file = join(ROOT, 'engine', 'wasm', 'x.test.ts');
    const text = [
      "import { a } from '../../bench/kernel-agreement';",
      "const u = new URL('../../bench/x.ts', import.meta.url);",
      "await import('../../bench/y');",
      "import { b } from '../kernels';",
      "import { c } from '../../datasets/bench-free';",
    ].join('\n');
    expect(benchImports(file, text)).toEqual([
      '../../bench/kernel-agreement',
      '../../bench/y',
      '../../bench/x.ts',
    ]);
  });

  for (const folder of PRODUCT) {
    it(`${folder}/ imports nothing from bench/`, () => {
      const offenders = sourceFiles(join(ROOT, folder)).flatMap((file) =>
        benchImports(file, readFileSync(file, 'utf8')).map((spec) => `${relative(ROOT, file)}: ${spec}`),
      );
      expect(offenders).toEqual([]);
    });
  }
});
