// The packaged app's fuses, as electron-builder.yml sets them (no Electron binary here to read them
// from; electron-builder flips them with @electron/fuses when it packages), and the files it ships
// beside the asar for what the app reads at run time.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { OUTLINE_FONTS, STROKE_FONTS } from '../../datasets/letters/fonts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The `extraResources` entries: from, to and filter globs (one `- from:` block each). */
function extraResources(text: string): { from: string; to: string; filter: string[] }[] {
  const block = text.slice(text.indexOf('\nextraResources:'));
  const entries: { from: string; to: string; filter: string[] }[] = [];
  for (const m of block.matchAll(/- from: (\S+)\n\s+to: (\S+)\n\s+filter: \[([^\]]*)\]/g))
    entries.push({ from: m[1]!, to: m[2]!, filter: [...m[3]!.matchAll(/"([^"]+)"/g)].map((f) => f[1]!) });
  return entries;
}

/** Whether electron-builder ships `file` (relative to the repository): under an entry and matching a filter. */
function shipped(entries: ReturnType<typeof extraResources>, file: string): boolean {
  return entries.some((e) => {
    if (!file.startsWith(`${e.from}/`)) return false;
    const rest = file.slice(e.from.length + 1);
    return e.filter.some((glob) => {
      const pattern = glob
        .split('**')
        .map((part) =>
          part
            .split('*')
            .map((t) => t.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*'),
        )
        .join('.*');
      return new RegExp(`^${pattern}$`).test(rest);
    });
  });
}

/** The `key: true|false` lines of one top-level YAML block (the file has no YAML parser to lean on). */
function yamlFlags(text: string, block: string): Record<string, boolean> {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trimEnd() === `${block}:`);
  if (start < 0) return {};
  const flags: Record<string, boolean> = {};
  for (const line of lines.slice(start + 1)) {
    if (!/^\s/.test(line) && line.trim() !== '') break;
    const m = /^\s+([A-Za-z]+):\s*(true|false)\s*(#.*)?$/.exec(line);
    if (m) flags[m[1]!] = m[2] === 'true';
  }
  return flags;
}

describe('packaging', () => {
  const config = readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8');

  it('flips the fuses: no run-as-node, NODE_OPTIONS or inspect; encrypted cookies; the app only from a verified asar', () => {
    expect(yamlFlags(config, 'electronFuses')).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config).toMatch(/^asar: true$/m);
  });

  it('ships what the app reads at run time: the built datasets, the models and their recipes, the fonts the digits recipe renders', () => {
    const entries = extraResources(config);
    expect(shipped(entries, 'datasets/data/pen-digits/manifest.json')).toBe(true);
    expect(shipped(entries, 'models/digits/recipe.json')).toBe(true);
    // The fonts, as datasets/letters/fonts.ts resolves them, each with its licence.
    const fonts = [
      ...OUTLINE_FONTS.flatMap((f) => [
        `node_modules/@fontsource/${f.family}/package.json`,
        `node_modules/@fontsource/${f.family}/LICENSE`,
        ...f.weights.map(
          (w) => `node_modules/@fontsource/${f.family}/files/${f.family}-latin-${w}-normal.woff`,
        ),
      ]),
      'node_modules/hersheytext/package.json',
      'node_modules/hersheytext/LICENSE',
      ...STROKE_FONTS.map((f) => `node_modules/hersheytext/svg_fonts/${f.file}`),
    ];
    for (const file of fonts) {
      expect(existsSync(path.join(ROOT, file)), file).toBe(true);
      expect(shipped(entries, file), file).toBe(true);
    }
    // Each lands where it was (under <resources>/), so require.resolve finds it from the asar.
    for (const e of entries) expect(e.to).toBe(e.from);
    // The UNIPEN source is not read at run time: it stays out.
    expect(shipped(entries, 'datasets/handwriting/unipen-dev.json.gz')).toBe(false);
  });
});
