// The packaged app's fuses, as electron-builder.yml sets them (no Electron binary here to read them
// from; electron-builder flips them with @electron/fuses when it packages).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

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
});
