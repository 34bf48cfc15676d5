// What the measured lines say: numbers, number-plate codes and short words, drawn at random (seeded).
// Browser-safe and pure. writer-lines.ts writes them in one person's real handwriting.

import type { Rng } from '../../engine/rng';

/** The kinds of line bench/lines.ts measures. */
export type LineSet = 'numbers' | 'codes' | 'words';

export const LINE_SETS: readonly LineSet[] = ['numbers', 'codes', 'words'];

const DIGITS = '0123456789';
const CAPITALS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * Number-plate patterns of 7 characters, L a capital and D a digit: the British plate since 2001
 * ("AB12CDE": area, age, random letters) and the Californian one since 1980 ("1ABC234"). Every letter
 * A–Z may stand at every L (real series leave out a few, such as I and Q), so the pairs no glyph can
 * separate (0/O, 1/I, 2/Z, 5/S, 8/B) meet both kinds of neighbour.
 */
export const PLATE_PATTERNS: readonly string[] = ['LLDDLLL', 'DLLLDDD'];

/**
 * Short common English words (3–5 letters, lower case), spread over the alphabet: the letters the
 * held-out writers with small letters (donors apa and pri) have written.
 */
export const WORDS: readonly string[] = [
  'the and for you not are all new was can has but our one may out use any see his who web now',
  'get how top just over work line read page name back jump quiz zero box fox very year day',
  'keep kind ink pen word hand write quick lazy dog jazz gift love move next six seven five',
  'four three',
]
  .join(' ')
  .split(' ');

const pick = (rng: Rng, from: string) => from[rng.int(from.length)];

/** `length` digits, uniform. */
export function numberText(rng: Rng, length = 5): string {
  return Array.from({ length }, () => pick(rng, DIGITS)).join('');
}

/** A plate of one of PLATE_PATTERNS, uniform letters and digits. */
export function plateText(rng: Rng): string {
  const pattern = PLATE_PATTERNS[rng.int(PLATE_PATTERNS.length)];
  return [...pattern].map((p) => pick(rng, p === 'L' ? CAPITALS : DIGITS)).join('');
}

/** `length` characters of 0–9 and A–Z, uniform: a part number or a serial, for the live re-reading. */
export function codeText(rng: Rng, length: number): string {
  return Array.from({ length }, () => pick(rng, DIGITS + CAPITALS)).join('');
}

export function wordText(rng: Rng): string {
  return WORDS[rng.int(WORDS.length)];
}

/** A text of the set: 5-digit numbers, 7-character plates, words. */
export function lineText(set: LineSet, rng: Rng): string {
  return set === 'numbers' ? numberText(rng) : set === 'codes' ? plateText(rng) : wordText(rng);
}
