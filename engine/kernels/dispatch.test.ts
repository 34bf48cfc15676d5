// The choice between WebAssembly and TypeScript is made in engine/kernels/ alone: layers and
// optimizers call kernels, and engine/wasm/ (the WebAssembly side) does not reach back into the
// TypeScript kernels. Checked on the import lines of the source files.

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const engine = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function importsOf(folder: string): { file: string; from: string }[] {
  const dir = path.join(engine, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .flatMap((file) =>
      [...readFileSync(path.join(dir, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => ({
        file: `${folder}/${file}`,
        from: m[1],
      })),
    );
}

describe('kernel dispatch', () => {
  it('nothing in engine/wasm imports the TypeScript kernels', () => {
    expect(importsOf('wasm').filter((i) => i.from.startsWith('../kernels'))).toEqual([]);
  });

  it('layers, optimizers and the two-thread mode reach WebAssembly only through engine/kernels', () => {
    const direct = ['layers', 'optimizers', 'parallel'].flatMap((folder) =>
      importsOf(folder).filter((i) => i.from.startsWith('../wasm')),
    );
    expect(direct).toEqual([]);
  });
});
