// IDX files on disk (Node only): gzip detected by its magic bytes (so `.gz` or not does not matter),
// atomic writes, optional gzip on write.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { encodeIdx, type IdxArray, IdxError, isGzip, parseIdx } from '../idx';
import { writeFileAtomic } from './atomic';

/** File bytes, gunzipped when they are gzip. Errors name the file. */
export async function readMaybeGzip(path: string): Promise<Uint8Array> {
  const raw = new Uint8Array(await readFile(path));
  if (!isGzip(raw)) return raw;
  try {
    return new Uint8Array(gunzipSync(raw));
  } catch (err) {
    throw new IdxError(`${basename(path)}: corrupt or truncated gzip (${(err as Error).message})`);
  }
}

export async function readIdxFile(path: string): Promise<IdxArray> {
  return parseIdx(await readMaybeGzip(path), basename(path));
}

export interface WriteIdxOptions {
  /** gzip the file (default: when the path ends in .gz). */
  gzip?: boolean;
  /** zlib level 1–9 (default 6). */
  level?: number;
}

export async function writeIdxFile(
  path: string,
  array: IdxArray,
  options: WriteIdxOptions = {},
): Promise<void> {
  const bytes = encodeIdx(array);
  const gzip = options.gzip ?? path.endsWith('.gz');
  await writeFileAtomic(path, gzip ? gzipSync(bytes, { level: options.level ?? 6 }) : bytes);
}
