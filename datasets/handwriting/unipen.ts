// Node-side loader for the bundled real pen handwriting: datasets/handwriting/unipen-dev.json.gz, 54,944
// characters from 11 UNIPEN labs (CC BY 4.0; credit in datasets/handwriting/README.md). The build step
// (build.ts) renders it into the pen-digits and pen-letters sets, split by writer (writers.ts).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipCapped } from '../io/gunzip';
import { parseJson } from '../json-text';

/** A point [x, y] in the donor's tablet units, y pointing DOWN (flipped on load), as on a canvas. */
export type Point = [number, number];

export interface UnipenSample {
  /** '0'–'9', 'A'–'Z' or 'a'–'z' as written. */
  readonly label: string;
  readonly writer: string;
  /** The contributing lab (tablet and recording differ per donor). */
  readonly donor: string;
  /** 1a digits, 1b capitals, 1c small letters. */
  readonly category: string;
  /** Pen-down segments in time order. */
  readonly strokes: Point[][];
}

/** Digits (10 classes), letters (26, case-merged) or characters: both, digits 0–9 then A–Z (36). */
export type Task = 'digits' | 'letters' | 'characters';

/** The bundled file, beside this module (GLYPH_LAB_UNIPEN overrides it, for another release of the file). */
export const UNIPEN_PATH =
  process.env.GLYPH_LAB_UNIPEN || fileURLToPath(new URL('./unipen-dev.json.gz', import.meta.url));

interface RawSample {
  label: string;
  writer: string;
  donor: string;
  category: string;
  yAxis?: string;
  strokes: number[][][];
}

/** Reads and decodes the file; null when it does not exist. Flips y (the file's y points up). */
export function loadUnipen(path: string = UNIPEN_PATH): UnipenSample[] | null {
  if (!existsSync(path)) return null;
  // 29 MB inflated; the default bound (256 MB) leaves room for a larger release of the file
  const raw = parseJson(gunzipCapped(readFileSync(path), path).toString('utf8'), path) as RawSample[];
  return raw.map(toSample);
}

export function toSample(r: RawSample): UnipenSample {
  let maxY = -Infinity;
  for (const s of r.strokes) for (const p of s) if (p[1] > maxY) maxY = p[1];
  const flip = r.yAxis !== 'down';
  const strokes = r.strokes
    .filter((s) => s.length > 0)
    .map((s) => s.map((p): Point => [p[0], flip ? maxY - p[1] : p[1]]));
  return { label: r.label, writer: r.writer, donor: r.donor, category: r.category, strokes };
}

/**
 * The class index of a sample for a task, or -1 when the sample does not belong to it.
 * Digits: '0'–'9' → 0–9. Letters, case-merged as in EMNIST Letters: 'A'/'a' → 0 … 'Z'/'z' → 25.
 */
export function classOf(label: string, task: Task): number {
  const c = label.charCodeAt(0);
  if (label.length !== 1) return -1;
  const digit = c >= 48 && c <= 57 ? c - 48 : -1;
  if (task === 'digits') return digit;
  const letter = c >= 65 && c <= 90 ? c - 65 : c >= 97 && c <= 122 ? c - 97 : -1;
  if (task === 'letters') return letter;
  return digit >= 0 ? digit : letter >= 0 ? 10 + letter : -1;
}
