// gunzip with a bound on the output: a gzip file of 600 KB can inflate to 630 MB (or, at deflate's
// ratio of ~1000:1, to gigabytes), and zlib's one-shot call would allocate all of it before anyone
// looks. zlib stops at `maxOutputLength` instead, so the refusal costs at most that much. Node only.

import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';

/** The default bound on an inflated file: twice the largest bundled file (letters' train images, 122 MB). */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/** `800 bytes`, `256 MB`. */
export const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${bytes.toLocaleString('en')} bytes` : `${Math.round(bytes / (1024 * 1024))} MB`;

/** Inflates `gz` (read from `file`, named in errors), refusing output past `maxBytes`. */
export function gunzipCapped(gz: Uint8Array, file: string, maxBytes = MAX_INFLATED_BYTES): Buffer {
  try {
    return gunzipSync(gz, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new Error(
        `${basename(file)}: inflates to more than ${sizeText(maxBytes)}, more than it may hold`,
      );
    }
    throw new Error(`${basename(file)}: corrupt or truncated gzip (${(error as Error).message})`);
  }
}
