// Where the Electron binary is, without triggering its first-run download (electron ≥ 45
// downloads on first use; these machines cannot reach its host).

import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const ELECTRON_MISSING_HINT =
  'Glyph Lab: the Electron binary is not installed and could not be downloaded; run `npx install-electron --no` on a machine with internet access (or set ELECTRON_OVERRIDE_DIST_PATH to an Electron build), then `npm start` again.';

export function electronPackageDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('electron/package.json'));
}

/** The Electron executable if it is on disk, else null. */
export function electronBinary(): string | null {
  const dir = electronPackageDir();
  const pathFile = join(dir, 'path.txt');
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (override) {
    const full = join(override, relative || 'electron');
    return existsSync(full) ? full : null;
  }
  if (!relative) return null;
  const full = join(dir, 'dist', relative);
  return existsSync(full) ? full : null;
}
