import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { encodeIdxLabels } from '../idx';
import { registerTempDir } from '../test-dir';
import { readIdxFile, readMaybeGzip, writeIdxFile } from './idx-file';

let dir: string;
registerTempDir('glyph-idx-', (d) => {
  dir = d;
});

describe('IDX files', () => {
  it('writes and reads plain and gzip files', async () => {
    const array = { type: 'uint8' as const, shape: [3], data: Uint8Array.from([1, 2, 3]) };
    await writeIdxFile(join(dir, 'a.idx'), array);
    await writeIdxFile(join(dir, 'b.idx.gz'), array);
    expect((await readFile(join(dir, 'b.idx.gz')))[0]).toBe(0x1f);
    expect((await readIdxFile(join(dir, 'a.idx'))).data).toEqual(array.data);
    expect((await readIdxFile(join(dir, 'b.idx.gz'))).data).toEqual(array.data);
    expect((await readdir(dir)).sort()).toEqual(['a.idx', 'b.idx.gz']); // no temp files left
  });

  it('names the file in errors for a truncated IDX and a truncated gzip', async () => {
    const bytes = encodeIdxLabels(new Uint8Array(100));
    await writeFile(join(dir, 'short.idx'), bytes.subarray(0, 50));
    await expect(readIdxFile(join(dir, 'short.idx'))).rejects.toThrow(/short\.idx: truncated/);
    const gz = gzipSync(bytes);
    await writeFile(join(dir, 'short.idx.gz'), gz.subarray(0, gz.length - 10));
    await expect(readIdxFile(join(dir, 'short.idx.gz'))).rejects.toThrow(
      /short\.idx\.gz: corrupt or truncated gzip/,
    );
  });
});

describe('readMaybeGzip', () => {
  it('stops inflating at the bound it is given and names the file', async () => {
    await writeFile(join(dir, 'bomb.gz'), gzipSync(new Uint8Array(4 * 1024 * 1024)));
    await expect(readMaybeGzip(join(dir, 'bomb.gz'), 1024 * 1024)).rejects.toThrow(
      /^bomb\.gz: inflates to more than 1 MB, more than it may hold$/,
    );
    expect((await readMaybeGzip(join(dir, 'bomb.gz'), 4 * 1024 * 1024)).byteLength).toBe(4 * 1024 * 1024);
    await writeFile(join(dir, 'plain'), new Uint8Array(2000));
    await expect(readMaybeGzip(join(dir, 'plain'), 1000)).rejects.toThrow(/^plain: 2,000 bytes, more than/);
  });

  it('gives plain Uint8Arrays of exactly the bytes in the file, small (from the shared pool) or large', async () => {
    for (const size of [100, 300_000]) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 7) % 256);
      await writeFile(join(dir, 'x.gz'), gzipSync(bytes));
      await writeFile(join(dir, 'x'), bytes);
      for (const name of ['x.gz', 'x']) {
        const read = await readMaybeGzip(join(dir, name));
        expect(Buffer.isBuffer(read)).toBe(false);
        expect(Buffer.compare(read, bytes)).toBe(0);
        expect(read.buffer.byteLength).toBe(size); // its own memory, nothing of a neighbour's
      }
    }
  });
});
