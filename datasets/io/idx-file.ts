// IDX files on disk (Node only): gzip detected by its magic bytes (so `.gz` or not does not matter),
// atomic writes, optional gzip on write.

import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeIdx, type IdxArray, IdxError, isGzip, parseIdx } from '../idx';
import { writeFileAtomic } from './atomic';
import { gunzipCapped, MAX_INFLATED_BYTES, sizeText } from './gunzip';

/**
 * File bytes, gunzipped when they are gzip; at most `maxBytes` either way (a gzip that inflates past it
 * is refused as soon as it does, without holding the rest). Errors name the file.
 */
export async function readMaybeGzip(path: string, maxBytes = MAX_INFLATED_BYTES): Promise<Uint8Array> {
  const tooBig = (size: number) =>
    new IdxError(`${basename(path)}: ${sizeText(size)}, more than the ${sizeText(maxBytes)} it may hold`);
  const size = (await stat(path)).size;
  if (size > MAX_INFLATED_BYTES) throw tooBig(size); // not read at all (a gzip never grows that much)
  const raw = bytesOf(await readFile(path));
  if (!isGzip(raw)) {
    if (raw.byteLength > maxBytes) throw tooBig(raw.byteLength);
    return raw;
  }
  try {
    return bytesOf(gunzipCapped(raw, path, maxBytes));
  } catch (err) {
    throw new IdxError((err as Error).message);
  }
}

/**
 * A Buffer as a plain Uint8Array: a view when the Buffer owns its memory (a file or an inflated set:
 * copying MNIST's 47 MB would double it while it loads), a copy when it shares Node's small-buffer pool.
 */
function bytesOf(buffer: Buffer): Uint8Array {
  const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  return whole ? new Uint8Array(buffer.buffer, 0, buffer.byteLength) : new Uint8Array(buffer);
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
