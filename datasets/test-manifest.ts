// Test and bench support: the manifest of a bundled set of one class with only a train split, for the
// hostile data folders built in a temp folder (datasets/load.test.ts, bench/hostile-files.ts). The
// checksums are empty: loading does not read them (the build does, to know when to rebuild).

import { type DatasetManifest, MANIFEST_FORMAT, MANIFEST_VERSION } from './manifest';

/** Set `id` whose train split is `count` samples in the IDX files `images` and `labels`. */
export function oneSplitManifest(id: string, images: string, labels: string, count = 1): DatasetManifest {
  return {
    format: MANIFEST_FORMAT,
    version: MANIFEST_VERSION,
    id,
    classes: ['0'],
    sampleShape: [1, 28, 28],
    splits: { train: { count, images, labels, sha256: { images: '', labels: '' }, histogram: [count] } },
    sources: [],
    build: {},
  };
}
