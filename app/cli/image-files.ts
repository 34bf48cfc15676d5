// The image files named on a command line: files as given, folders as their image files (png, jpg,
// jpeg, webp) at any depth, sorted by path. `predict` and `read` take their inputs this way.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { isImageFile } from '../core/stores/image-io';

export async function imageFilesOf(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    const full = path.resolve(input);
    const stat = await fs.stat(full).catch(() => null);
    if (!stat) throw new Error(`no such file or folder: ${input}`);
    if (!stat.isDirectory()) {
      files.push(full);
      continue;
    }
    const entries = await fs.readdir(full, { recursive: true });
    for (const entry of entries.sort()) if (isImageFile(entry)) files.push(path.join(full, entry));
  }
  return files;
}
