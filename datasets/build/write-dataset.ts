// Write and verify a built dataset folder (Node only): `<dataDir>/<id>/` holding gzip IDX files per
// split and a manifest.json with their SHA-256. Written as a whole folder, atomically. Every dataset
// build step (MNIST, letters) ends with writeDataset, and starts with verifyDataset to skip work.

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Split } from '../bundled-datasets';
import { encodeIdxImages, encodeIdxLabels } from '../idx';
import { writeDirAtomic, writeFileAtomic } from '../io/atomic';
import { parseJson } from '../json-text';
import { fileInDataset } from '../load';
import {
  checkManifest,
  type DatasetManifest,
  MANIFEST_FORMAT,
  MANIFEST_VERSION,
  type SplitFiles,
} from '../manifest';

const gzipAsync = promisify(gzip);

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One split in memory: uint8 pixels [count, 28, 28] (ink = 255) and labels [count]. */
export interface SplitData {
  pixels: Uint8Array;
  labels: Uint8Array;
}

export interface DatasetToWrite {
  id: string;
  classes: string[];
  splits: Partial<Record<Split, SplitData>>;
  sources: { name: string; sha256: string }[];
  build?: Record<string, unknown>;
}

export function histogram(labels: Uint8Array, classes: number): number[] {
  const h = new Array<number>(classes).fill(0);
  for (const l of labels) h[l]++;
  return h;
}

/** Write `<dataDir>/<id>/` atomically (temp folder + rename) and return its manifest. */
export async function writeDataset(
  dataDir: string,
  data: DatasetToWrite,
  level = 6,
): Promise<DatasetManifest> {
  const size = 28;
  const manifest: DatasetManifest = {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    id: data.id,
    classes: data.classes,
    sampleShape: [1, size, size],
    splits: {},
    sources: data.sources,
    build: data.build ?? {},
  };
  await writeDirAtomic(join(dataDir, data.id), async (tmp) => {
    const jobs = Object.entries(data.splits).map(async ([split, d]) => {
      const count = d.labels.length;
      if (d.pixels.length !== count * size * size) {
        throw new Error(
          `${data.id}/${split}: ${count} labels need ${count * size * size} pixels, got ${d.pixels.length}`,
        );
      }
      for (let i = 0; i < count; i++) {
        if (d.labels[i] >= data.classes.length) {
          throw new Error(
            `${data.id}/${split}: label ${d.labels[i]} at ${i} is outside ${data.classes.length} classes`,
          );
        }
      }
      const [images, labels] = await Promise.all([
        gzipAsync(encodeIdxImages(d.pixels, count, size, size), { level }),
        gzipAsync(encodeIdxLabels(d.labels), { level }),
      ]);
      const files: SplitFiles = {
        count,
        images: `${split}-images.idx.gz`,
        labels: `${split}-labels.idx.gz`,
        sha256: { images: sha256(images), labels: sha256(labels) },
        histogram: histogram(d.labels, data.classes.length),
      };
      await writeFileAtomic(join(tmp, files.images), images);
      await writeFileAtomic(join(tmp, files.labels), labels);
      return [split as Split, files] as const;
    });
    // Splits in the order given, whatever order the jobs finish in: the manifest is reproducible.
    for (const [split, files] of await Promise.all(jobs)) manifest.splits[split] = files;
    await writeFileAtomic(join(tmp, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  });
  return manifest;
}

export type Verification = { ok: true; manifest: DatasetManifest } | { ok: false; reason: string };

/**
 * Whether `<dataDir>/<id>/` holds a complete build: a readable manifest, every file present with
 * its recorded SHA-256, and (when given) the same source checksums the build step expects.
 */
export async function verifyDataset(
  dataDir: string,
  id: string,
  expectedSources?: readonly { name: string; sha256: string }[],
): Promise<Verification> {
  const dir = join(dataDir, id);
  let manifest: DatasetManifest;
  try {
    const file = join(dir, 'manifest.json');
    manifest = checkManifest(parseJson(await readFile(file, 'utf8'), file), file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'not built yet' };
    return { ok: false, reason: `${id}/manifest.json is unreadable: ${(err as Error).message}` };
  }
  if (expectedSources) {
    const recorded = JSON.stringify(manifest.sources);
    if (recorded !== JSON.stringify(expectedSources)) return { ok: false, reason: 'the sources changed' };
  }
  for (const [split, files] of Object.entries(manifest.splits)) {
    for (const kind of ['images', 'labels'] as const) {
      const name = files[kind];
      let file: string;
      try {
        file = fileInDataset(dir, name, `${id}/manifest.json`);
      } catch (err) {
        return { ok: false, reason: (err as Error).message };
      }
      let bytes: Uint8Array;
      try {
        bytes = await readFile(file);
      } catch {
        return { ok: false, reason: `${id}/${name} (${split} ${kind}) is missing` };
      }
      if (sha256(bytes) !== files.sha256[kind])
        return { ok: false, reason: `${id}/${name} has the wrong checksum` };
    }
  }
  return { ok: true, manifest };
}
