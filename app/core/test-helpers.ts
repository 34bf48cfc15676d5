// Helpers shared by the core's tests: throwaway folders and tiny images.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function tempDir(prefix = 'glyph-core-'): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A 28×28 image with a vertical bar at column `x` (1 = ink). */
export function barImage(x: number): Float32Array<ArrayBuffer> {
  const image = new Float32Array(784);
  for (let y = 4; y < 24; y++) image[y * 28 + x] = 1;
  return image;
}
