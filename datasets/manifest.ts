// The manifest written next to a built dataset's files (`datasets/data/<id>/manifest.json`):
// what the files are, their checksums, and how they were made. Browser-safe types and checks.

import type { Split } from './bundled-datasets';

export const MANIFEST_FORMAT = 'glyph-lab-dataset';
export const MANIFEST_VERSION = 1;

export interface SplitFiles {
  count: number;
  /** IDX uint8 [count, 28, 28], gzip. */
  images: string;
  /** IDX uint8 [count], gzip. */
  labels: string;
  /** SHA-256 (hex) of each file as stored. */
  sha256: { images: string; labels: string };
  /** Samples per class, in class order. */
  histogram: number[];
}

export interface DatasetManifest {
  format: typeof MANIFEST_FORMAT;
  version: typeof MANIFEST_VERSION;
  id: string;
  classes: string[];
  sampleShape: [number, number, number];
  splits: Partial<Record<Split, SplitFiles>>;
  /** Inputs the build read, with their SHA-256, so a changed source triggers a rebuild. */
  sources: { name: string; sha256: string }[];
  /** Anything the build step wants to record (generator settings, seed, etc.). */
  build: Record<string, unknown>;
}

/** Check that parsed JSON is a manifest this code understands; throws a clear error otherwise. */
export function checkManifest(json: unknown, name = 'manifest.json'): DatasetManifest {
  const m = json as Partial<DatasetManifest> | null;
  if (m === null || typeof m !== 'object' || m.format !== MANIFEST_FORMAT) {
    throw new Error(`${name}: not a Glyph Lab dataset manifest`);
  }
  if (m.version !== MANIFEST_VERSION) {
    throw new Error(
      `${name}: manifest version ${String(m.version)}, this build reads version ${MANIFEST_VERSION}`,
    );
  }
  if (
    typeof m.id !== 'string' ||
    !Array.isArray(m.classes) ||
    typeof m.splits !== 'object' ||
    m.splits === null
  ) {
    throw new Error(`${name}: missing id, classes or splits`);
  }
  const shape = m.sampleShape as unknown;
  if (!Array.isArray(shape) || shape.length !== 3 || !shape.every((d) => Number.isInteger(d) && d >= 1)) {
    throw new Error(`${name}: sampleShape must be [channels, height, width] of positive integers`);
  }
  for (const [split, files] of Object.entries(m.splits as Record<string, unknown>)) {
    const f = files as Partial<SplitFiles> | null;
    if (
      f === null ||
      typeof f !== 'object' ||
      !Number.isInteger(f.count) ||
      (f.count as number) < 0 ||
      typeof f.images !== 'string' ||
      typeof f.labels !== 'string'
    ) {
      throw new Error(`${name}: splits.${split} must hold a count and the images and labels file names`);
    }
  }
  return m as DatasetManifest;
}
