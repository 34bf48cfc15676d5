// A custom dataset's image folder read into memory, and its fixed train/test split. The trainer,
// `models:evaluate` and `datasets:images` all use these, so a test index means the same image everywhere.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { toBytes } from '../../datasets/idx';
import { isTempName } from '../../datasets/io/atomic';
import { readSample, SIDE } from './stores/sample-store';

export interface FolderData {
  /** [n, 784] grey bytes, 255 = ink. */
  images: Uint8Array;
  /** Class index per sample, into `classes`. */
  labels: Int32Array;
  classes: string[];
  /** Sample ids (file names without `.png`). */
  ids: string[];
}

/** Default held-out fraction for a custom set's test split. */
export const CUSTOM_TEST_FRACTION = 0.2;

/** Read every sample, classes in order, files by name (ids sort by creation time). */
export async function loadFolderData(dir: string, classes: string[], folders: string[]): Promise<FolderData> {
  const images: Uint8Array[] = [];
  const labels: number[] = [];
  const ids: string[] = [];
  for (let c = 0; c < classes.length; c++) {
    let names: string[] = [];
    try {
      names = await fs.readdir(path.join(dir, folders[c]!));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (!name.endsWith('.png') || isTempName(name)) continue;
      try {
        images.push(toBytes(await readSample(path.join(dir, folders[c]!, name))));
        labels.push(c);
        ids.push(name.slice(0, -4));
      } catch {
        // Unreadable image: not a sample.
      }
    }
  }
  const flat = new Uint8Array(images.length * SIDE * SIDE);
  images.forEach((img, i) => {
    flat.set(img, i * SIDE * SIDE);
  });
  return { images: flat, labels: Int32Array.from(labels), classes, ids };
}

/** Every k-th sample of a class is held out for `fraction`. */
export function testEvery(fraction = CUSTOM_TEST_FRACTION): number {
  return Math.max(2, Math.round(1 / fraction));
}

/** How many of a class's `n` samples the fixed split holds out. */
export function heldOutOf(n: number, fraction = CUSTOM_TEST_FRACTION): number {
  return fraction <= 0 ? 0 : Math.floor(n / testEvery(fraction));
}

/**
 * Fixed split: within each class, every k-th sample (k = round(1 / fraction)) goes to test, so each
 * class with at least k samples is tested and the split does not move when samples are added at the end.
 */
export function splitCustom(
  labels: Int32Array,
  fraction = CUSTOM_TEST_FRACTION,
): { train: Int32Array; test: Int32Array } {
  if (fraction <= 0) return { train: Int32Array.from(labels.keys()), test: new Int32Array(0) };
  const k = testEvery(fraction);
  const seen = new Map<number, number>();
  const train: number[] = [];
  const test: number[] = [];
  labels.forEach((label, i) => {
    const n = seen.get(label) ?? 0;
    seen.set(label, n + 1);
    (n % k === k - 1 ? test : train).push(i);
  });
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
