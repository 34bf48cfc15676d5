// Screens talk through the app state (state/navigation.ts), never to each other: no file under
// screens/<name>/ imports another screen's folder or the shell (app.tsx), which imports them all.
// Reads the sources from disk, so it runs on the code as written, tests included.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = resolve(import.meta.dirname, '..');
const SCREENS = join(RENDERER, 'screens');

/** Every module specifier of a source: `import … from`, `export … from`, `import '…'`, `import('…')`. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const pattern = /\b(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(pattern)) found.push(m[1]!);
  return found;
}

/** What a screen file may not import, as "file → import" lines (paths relative to renderer/). */
function crossings(file: string, source: string): string[] {
  const own = relative(SCREENS, file).split(sep)[0]!;
  return importsOf(source)
    .filter((spec) => spec.startsWith('.'))
    .filter((spec) => {
      const target = relative(RENDERER, resolve(dirname(file), spec)).split(sep);
      if (target.length === 1 && /^app(\.tsx?)?$/.test(target[0]!)) return true;
      return target[0] === 'screens' && target.length > 2 && target[1] !== own;
    })
    .map((spec) => `${relative(RENDERER, file)} → ${spec}`);
}

function screenFiles(): string[] {
  return readdirSync(SCREENS, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f))
    .map((f) => join(SCREENS, f));
}

describe('screen imports', () => {
  it('finds the crossings it is meant to catch', () => {
    const draw = join(SCREENS, 'draw', 'draw-screen.tsx');
    const source = [
      "import { trainFor } from '../train/train-screen';",
      "import { SAVE } from '../../app';",
      "import { App } from '../../app.tsx';",
      "export { x } from '../samples/samples-screen';",
      "const lazy = import('../models/models-screen');",
      "import { ok } from './confidence-bars';",
      "import { useApp } from '../../state/app-context';",
      "import { api } from '../../api';",
      "import type { X } from '../../../app/shared/types';",
      "import { useState } from 'react';",
    ].join('\n');
    expect(crossings(draw, source)).toEqual([
      'screens/draw/draw-screen.tsx → ../train/train-screen',
      'screens/draw/draw-screen.tsx → ../../app',
      'screens/draw/draw-screen.tsx → ../../app.tsx',
      'screens/draw/draw-screen.tsx → ../samples/samples-screen',
      'screens/draw/draw-screen.tsx → ../models/models-screen',
    ]);
  });

  it('no screen imports another screen or the shell', () => {
    const files = screenFiles();
    expect(files.length).toBeGreaterThan(10);
    const found = files.flatMap((file) => crossings(file, readFileSync(file, 'utf8')));
    expect(found).toEqual([]);
  });
});
