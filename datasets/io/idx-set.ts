// A labelled set as a pair of IDX files (images uint8 [count, rows, cols], labels uint8 [count]),
// plain or gzip (Node only). Labels in IDX are class indices; the class names come from the caller
// (default '0'…'9' for MNIST-style files). Images of another size than 28×28 are normalized.

import { basename } from 'node:path';
import { gzipSync } from 'node:zlib';
import { encodeIdxImages, encodeIdxLabels, parseIdxImages, parseIdxLabels, toBytes } from '../idx';
import { normalizeImage } from '../normalize';
import { writeFileAtomic } from './atomic';
import { readMaybeGzip } from './idx-file';
import { checkSet, type LabelledSet } from './labelled-set';

export interface IdxSetOptions {
  /** Class names in label order (default: '0' … up to the largest label). */
  classes?: readonly string[];
  /** Normalize each image (crop, box, centre); always done for images that are not 28×28 (default false). */
  normalize?: boolean;
}

export async function readIdxSet(
  imagesPath: string,
  labelsPath: string,
  options: IdxSetOptions = {},
): Promise<LabelledSet> {
  const [ib, lb] = await Promise.all([readMaybeGzip(imagesPath), readMaybeGzip(labelsPath)]);
  const images = parseIdxImages(ib, basename(imagesPath));
  const raw = parseIdxLabels(lb, basename(labelsPath));
  if (images.count !== raw.length) {
    throw new Error(
      `${basename(imagesPath)} holds ${images.count} images but ${basename(labelsPath)} ${raw.length} labels`,
    );
  }
  let top = -1;
  for (const l of raw) if (l > top) top = l;
  const classes = options.classes
    ? [...options.classes]
    : Array.from({ length: Math.max(top + 1, 10) }, (_, i) => `${i}`);
  const labels = new Int32Array(raw.length);
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] >= classes.length) {
      throw new Error(
        `${basename(labelsPath)}: label ${raw[i]} at ${i} is outside the ${classes.length} classes`,
      );
    }
    labels[i] = raw[i];
  }
  const { rows, cols, count } = images;
  const out = new Float32Array(count * 784);
  const normalize = options.normalize === true || rows !== 28 || cols !== 28;
  const one = new Float32Array(rows * cols);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < rows * cols; p++) one[p] = images.pixels[i * rows * cols + p] / 255;
    out.set(normalize ? normalizeImage(one, cols, rows) : one, i * 784);
  }
  return { images: out, labels, classes };
}

/** Write `images` and `labels` IDX files (gzip when the path ends in .gz); labels must fit in a byte. */
export async function writeIdxSet(imagesPath: string, labelsPath: string, set: LabelledSet): Promise<void> {
  const count = checkSet(set);
  if (set.classes.length > 256)
    throw new Error(`IDX labels are bytes: ${set.classes.length} classes is too many`);
  const images = encodeIdxImages(toBytes(set.images), count, 28, 28);
  const labels = encodeIdxLabels(Uint8Array.from(set.labels));
  const pack = (path: string, bytes: Uint8Array) => (path.endsWith('.gz') ? gzipSync(bytes) : bytes);
  await writeFileAtomic(imagesPath, pack(imagesPath, images));
  await writeFileAtomic(labelsPath, pack(labelsPath, labels));
}
