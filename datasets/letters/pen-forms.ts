// Pen-path letter forms the fonts of the letters build rarely have but real writers use: the small
// `e` as a one-stroke loop, looped `l`, `h`, `k`, `b`, `d`, `f`, lead-in and exit strokes on `n`,
// `m`, `r`, `i`, `u`, one-stroke `a`, `o`, `d`, `g`, `q` (the bowl then the stem without lifting),
// descender loops on `g`, `j`, `y`, `z`, and a few capitals drawn the way hands draw them. Each form is
// a list of strokes in a box of height 1 (x right, y down), drawn in the order a hand draws it; smooth
// paths go through key points (Catmull-Rom), sharp turns are joins of separate pieces.
// `generateLetterForms` varies them like a hand (synth.ts: slant, rotation, aspect, per-stroke
// offset, wobble, pen width) and renders them through normalizeStrokes, the live-drawing path, as
// datasets/digits/ does for digits. Seeded: the same options give the same bytes. Mixed into the
// letters recipe's training data (generator `letter-forms`, app/trainer/recipe/assemble.ts), never a test.

import { Rng } from '../../engine/rng';
import { Augmenter, type AugmentOptions } from '../augment';
import type { Contour } from './outline';
import { arc, curve, join, line } from './pen-path';
import { DEFAULT_SYNTH, type SynthOptions, synthFromStrokes } from './synth';

/** A short dot (the pen touches down and moves a little). */
const dot = (x: number, y: number): Contour => [x, y, x + 0.02, y + 0.01];

export interface LetterForm {
  /** The letter as written: `e` (small) or `E` (capital); its class is the case-merged letter. */
  readonly char: string;
  readonly name: string;
  readonly strokes: readonly Contour[];
  /** Relative frequency among the forms of its class. */
  readonly weight: number;
}

const f = (char: string, name: string, weight: number, ...strokes: Contour[]): LetterForm => ({
  char,
  name,
  weight,
  strokes,
});

// Small letters: x-height letters fill [0, 1]; letters with ascenders have the x-height band at
// [0.5, 1]; letters with descenders have it at [0, 0.55].
// biome-ignore format: one form per line reads as a table; the formatter would spread each over 10–30 lines
export const LETTER_FORMS: readonly LetterForm[] = [
  // a
  f('a', 'one-stroke', 3, join(arc(0.4, 0.5, 0.34, 0.46, -25, -360), curve([0.74, 0.5], [0.76, 0.02]), curve([0.76, 0.02], [0.76, 0.7], [0.8, 0.95], [0.95, 0.9]))),
  f('a', 'one-stroke-plain', 2, join(arc(0.4, 0.5, 0.36, 0.48, -15, -360), line([0.76, 0.5], [0.76, 0.02], [0.77, 1]))),
  f('a', 'two-strokes', 1.5, arc(0.4, 0.5, 0.36, 0.48, -20, -370), line([0.77, 0], [0.77, 1])),
  f('a', 'lead-in', 1.5, join(curve([0, 0.9], [0.3, 0.2], [0.55, 0.02], [0.7, 0.08]), arc(0.45, 0.5, 0.3, 0.46, -30, -360), curve([0.75, 0.5], [0.78, 0.05]), curve([0.78, 0.05], [0.78, 0.8], [0.85, 1], [1, 0.9]))),
  f('a', 'tall-stem', 2, join(arc(0.38, 0.6, 0.32, 0.4, -20, -360), curve([0.7, 0.6], [0.74, 0]), curve([0.74, 0], [0.74, 0.8], [0.8, 1], [0.98, 0.92]))),
  f('a', 'exit-tail', 2, join(arc(0.38, 0.5, 0.32, 0.46, -25, -360), curve([0.66, 0.5], [0.7, 0.04]), curve([0.7, 0.04], [0.7, 0.75], [0.8, 0.98], [1.05, 0.92]))),
  f('a', 'double-storey', 1, join(curve([0.12, 0.15], [0.4, 0], [0.7, 0.12], [0.72, 0.5], [0.72, 1]), curve([0.72, 0.45], [0.3, 0.5], [0.1, 0.75], [0.3, 1], [0.6, 0.9], [0.72, 0.75]))),
  f('A', 'three-strokes', 1, line([0, 1], [0.42, 0], [0.84, 1]), line([0.18, 0.6], [0.68, 0.6])),
  f('A', 'one-stroke', 0.5, join(line([0, 1], [0.42, 0], [0.84, 1]), curve([0.84, 1], [0.5, 0.55], [0.15, 0.62]))),
  // b
  f('b', 'loop', 3, join(curve([0, 0.75], [0.3, 0.3], [0.38, 0.05], [0.28, 0], [0.16, 0.2], [0.15, 1]), curve([0.15, 1], [0.2, 0.7], [0.45, 0.52], [0.65, 0.65], [0.6, 0.92], [0.35, 1], [0.2, 0.92], [0.5, 0.85], [0.8, 0.8]))),
  f('b', 'stem-bowl', 2, join(line([0.15, 0], [0.15, 1]), curve([0.15, 1], [0.17, 0.7], [0.4, 0.5], [0.68, 0.6], [0.7, 0.88], [0.45, 1], [0.16, 0.95]))),
  f('b', 'two-strokes', 1, line([0.15, 0], [0.15, 1]), arc(0.16, 0.75, 0.5, 0.25, -90, 90)),
  f('B', 'two-strokes', 1, line([0.1, 0], [0.1, 1]), join(arc(0.12, 0.25, 0.5, 0.25, -90, 90), arc(0.12, 0.75, 0.6, 0.25, -90, 90))),
  // c
  f('c', 'one-stroke', 2, arc(0.5, 0.5, 0.45, 0.5, -40, -310)),
  f('c', 'curl', 1, join(curve([0.75, 0.25], [0.8, 0.1], [0.65, 0.02]), arc(0.5, 0.52, 0.42, 0.48, -100, -320))),
  // d
  f('d', 'one-stroke', 3, join(arc(0.38, 0.74, 0.3, 0.26, -20, -360), line([0.68, 0.74], [0.7, 0]), curve([0.7, 0], [0.7, 0.8], [0.74, 1], [0.9, 0.95]))),
  f('d', 'loop', 2, join(arc(0.38, 0.74, 0.3, 0.26, -20, -360), curve([0.68, 0.74], [0.76, 0.3], [0.72, 0], [0.58, 0.08], [0.64, 0.5], [0.7, 1], [0.9, 0.92]))),
  f('d', 'two-strokes', 1, arc(0.38, 0.74, 0.3, 0.26, -20, -370), line([0.7, 0], [0.7, 1])),
  // e
  f('e', 'loop', 5, curve([0.08, 0.58], [0.5, 0.55], [0.85, 0.45], [0.75, 0.12], [0.45, 0.02], [0.15, 0.22], [0.07, 0.6], [0.25, 0.93], [0.55, 1], [0.88, 0.85])),
  f('e', 'lead-in-loop', 4, curve([0, 0.88], [0.35, 0.62], [0.74, 0.42], [0.72, 0.12], [0.45, 0.02], [0.2, 0.25], [0.18, 0.7], [0.42, 0.97], [0.72, 0.96], [0.98, 0.78])),
  f('e', 'small-loop', 1.5, curve([0.05, 0.62], [0.4, 0.55], [0.62, 0.35], [0.5, 0.06], [0.25, 0.08], [0.1, 0.45], [0.18, 0.85], [0.42, 1], [0.75, 0.88])),
  f('e', 'bar', 2, join(line([0.1, 0.5], [0.86, 0.5]), curve([0.86, 0.5], [0.78, 0.15], [0.48, 0.02], [0.15, 0.2], [0.08, 0.55], [0.25, 0.9], [0.55, 1], [0.86, 0.86]))),
  f('e', 'greek', 0.7, curve([0.8, 0.12], [0.5, 0], [0.18, 0.12], [0.22, 0.4], [0.5, 0.5], [0.15, 0.62], [0.12, 0.88], [0.45, 1], [0.82, 0.88])),
  f('e', 'tall-loop', 5, curve([0.05, 0.85], [0.3, 0.6], [0.5, 0.3], [0.46, 0.05], [0.28, 0.04], [0.15, 0.35], [0.15, 0.75], [0.3, 1], [0.58, 0.94])),
  f('e', 'tall-loop-flat-end', 3, curve([0, 0.95], [0.3, 0.65], [0.52, 0.3], [0.48, 0.04], [0.3, 0.05], [0.18, 0.4], [0.2, 0.85], [0.4, 1], [0.62, 0.97])),
  f('e', 'tiny-eye', 4, curve([0.05, 0.5], [0.35, 0.42], [0.55, 0.25], [0.45, 0.05], [0.28, 0.12], [0.22, 0.4], [0.25, 0.75], [0.45, 0.97], [0.75, 1], [0.98, 0.85])),
  f('e', 'collapsed-eye', 2, curve([0.1, 0.55], [0.42, 0.36], [0.5, 0.12], [0.38, 0.04], [0.3, 0.22], [0.28, 0.6], [0.4, 0.92], [0.7, 1], [0.95, 0.88])),
  f('E', 'four-strokes', 1, line([0.8, 0], [0.1, 0], [0.1, 1], [0.8, 1]), line([0.1, 0.5], [0.62, 0.5])),
  // f
  f('f', 'hook', 2, curve([0.8, 0.1], [0.6, 0], [0.4, 0.08], [0.36, 0.4], [0.36, 1]), line([0.08, 0.45], [0.7, 0.45])),
  f('f', 'loop', 2, curve([0.05, 0.62], [0.4, 0.3], [0.55, 0.05], [0.45, 0], [0.3, 0.2], [0.3, 0.6], [0.28, 1]), line([0.05, 0.45], [0.62, 0.43])),
  f('F', 'three-strokes', 1, line([0.8, 0], [0.12, 0], [0.12, 1]), line([0.12, 0.48], [0.62, 0.48])),
  // g
  f('g', 'one-stroke', 3, join(arc(0.4, 0.28, 0.32, 0.27, -20, -360), curve([0.72, 0.28], [0.74, 0.02]), curve([0.74, 0.02], [0.74, 0.72], [0.66, 0.95], [0.4, 1], [0.14, 0.88]))),
  f('g', 'loop', 3, join(arc(0.4, 0.28, 0.32, 0.27, -20, -360), curve([0.72, 0.28], [0.74, 0.02]), curve([0.74, 0.02], [0.73, 0.7], [0.6, 0.98], [0.38, 0.96], [0.42, 0.78], [0.7, 0.66], [0.95, 0.6]))),
  f('g', 'two-strokes', 1, arc(0.4, 0.28, 0.32, 0.27, -20, -370), curve([0.74, 0.02], [0.74, 0.72], [0.66, 0.95], [0.4, 1], [0.14, 0.88])),
  f('g', 'small-bowl', 3, join(arc(0.42, 0.16, 0.22, 0.15, -20, -360), curve([0.64, 0.16], [0.65, 0.02]), curve([0.65, 0.02], [0.64, 0.7], [0.52, 0.98], [0.3, 0.95], [0.33, 0.76], [0.62, 0.66], [0.85, 0.6]))),
  f('g', 'small-bowl-hook', 2, join(arc(0.42, 0.16, 0.22, 0.15, -20, -360), curve([0.64, 0.16], [0.65, 0.02]), curve([0.65, 0.02], [0.64, 0.72], [0.55, 0.96], [0.32, 1], [0.12, 0.86]))),
  f('G', 'one-stroke', 1, join(arc(0.5, 0.5, 0.45, 0.5, -45, -335), line([0.9, 0.6], [0.9, 0.52], [0.55, 0.52]))),
  // h
  f('h', 'loop', 4, join(curve([0, 0.72], [0.3, 0.35], [0.4, 0.06], [0.3, 0], [0.18, 0.2], [0.16, 1]), curve([0.16, 1], [0.22, 0.7], [0.42, 0.52], [0.62, 0.55], [0.7, 0.75], [0.7, 0.95], [0.88, 0.98]))),
  f('h', 'stem-arch', 3, join(line([0.15, 0], [0.15, 1]), curve([0.15, 1], [0.2, 0.68], [0.42, 0.5], [0.64, 0.55], [0.72, 0.75], [0.72, 1]))),
  f('h', 'two-strokes', 1, line([0.15, 0], [0.15, 1]), curve([0.15, 0.7], [0.42, 0.5], [0.66, 0.55], [0.72, 0.75], [0.72, 1])),
  f('h', 'narrow-arch', 3, join(line([0.15, 0], [0.15, 1]), curve([0.15, 1], [0.18, 0.75], [0.32, 0.6], [0.45, 0.66], [0.48, 0.86], [0.52, 1], [0.62, 0.95]))),
  f('h', 'narrow-loop', 3, join(curve([0, 0.6], [0.25, 0.3], [0.32, 0.05], [0.24, 0], [0.15, 0.2], [0.13, 1]), curve([0.13, 1], [0.18, 0.75], [0.32, 0.62], [0.44, 0.68], [0.46, 0.9], [0.58, 1]))),
  f('H', 'three-strokes', 1, line([0.1, 0], [0.1, 1]), line([0.75, 0], [0.75, 1]), line([0.1, 0.5], [0.75, 0.5])),
  // i
  f('i', 'lead-in', 2, curve([0, 0.85], [0.25, 0.6], [0.4, 0.3], [0.4, 0.75], [0.5, 1], [0.75, 0.88]), dot(0.45, 0.02)),
  f('i', 'stem-dot', 2, line([0.4, 0.3], [0.4, 1]), dot(0.4, 0.05)),
  f('i', 'tail', 1, curve([0.3, 0.3], [0.3, 0.8], [0.4, 1], [0.6, 0.92]), dot(0.32, 0.05)),
  f('I', 'serif', 1, line([0.5, 0], [0.5, 1]), line([0.2, 0], [0.8, 0]), line([0.2, 1], [0.8, 1])),
  // j
  f('j', 'hook', 2, curve([0.6, 0.2], [0.6, 0.8], [0.5, 0.98], [0.3, 1], [0.15, 0.88]), dot(0.6, 0.02)),
  f('j', 'loop', 2, curve([0.3, 0.35], [0.55, 0.2], [0.6, 0.6], [0.55, 0.98], [0.38, 0.95], [0.42, 0.75], [0.8, 0.6]), dot(0.62, 0.02)),
  f('J', 'hook', 1, curve([0.7, 0], [0.7, 0.7], [0.55, 1], [0.25, 0.95], [0.1, 0.75]), line([0.35, 0], [0.95, 0])),
  // k
  f('k', 'loop', 3, join(curve([0, 0.72], [0.3, 0.35], [0.4, 0.06], [0.3, 0], [0.18, 0.2], [0.16, 1]), curve([0.16, 1], [0.24, 0.72], [0.5, 0.52], [0.68, 0.6], [0.5, 0.76], [0.28, 0.76]), curve([0.28, 0.76], [0.5, 0.82], [0.7, 1], [0.9, 0.95]))),
  f('k', 'stem-arm', 3, line([0.15, 0], [0.15, 1]), line([0.7, 0.45], [0.17, 0.76], [0.72, 1])),
  f('k', 'stem-loop-arm', 2, join(line([0.15, 0], [0.15, 1]), curve([0.15, 1], [0.2, 0.72], [0.48, 0.5], [0.66, 0.6], [0.45, 0.76], [0.2, 0.76]), curve([0.2, 0.76], [0.5, 0.84], [0.72, 1]))),
  f('K', 'two-strokes', 1, line([0.1, 0], [0.1, 1]), line([0.75, 0], [0.12, 0.55], [0.78, 1])),
  // l
  f('l', 'loop', 3, curve([0, 0.85], [0.2, 0.6], [0.34, 0.25], [0.36, 0.04], [0.28, 0], [0.19, 0.15], [0.18, 0.5], [0.2, 0.85], [0.3, 1], [0.48, 0.92])),
  f('l', 'tail', 2, curve([0.3, 0], [0.3, 0.7], [0.36, 0.93], [0.52, 1], [0.7, 0.9])),
  f('l', 'narrow-loop', 2, curve([0.1, 0.7], [0.28, 0.35], [0.34, 0.05], [0.28, 0], [0.22, 0.2], [0.22, 0.75], [0.27, 1], [0.4, 0.95])),
  f('L', 'one-stroke', 2, line([0.1, 0], [0.1, 1], [0.75, 1])),
  f('L', 'cursive', 1, curve([0.5, 0.1], [0.4, 0], [0.28, 0.12], [0.3, 0.6], [0.2, 0.95], [0.05, 0.9], [0.2, 0.86], [0.5, 1], [0.85, 0.95])),
  // m
  f('m', 'arches', 3, join(line([0.08, 0], [0.08, 1]), curve([0.08, 1], [0.12, 0.4], [0.26, 0.04], [0.42, 0.1], [0.48, 0.4], [0.48, 1]), curve([0.48, 1], [0.52, 0.4], [0.66, 0.04], [0.82, 0.1], [0.88, 0.4], [0.88, 1]))),
  f('m', 'lead-in', 3, join(curve([0, 0.3], [0.08, 0.04], [0.14, 0.25], [0.14, 1]), curve([0.14, 1], [0.18, 0.4], [0.3, 0.04], [0.44, 0.1], [0.5, 0.4], [0.5, 1]), curve([0.5, 1], [0.54, 0.4], [0.67, 0.04], [0.82, 0.1], [0.87, 0.4], [0.87, 0.9], [1, 1]))),
  f('M', 'one-stroke', 1, line([0.05, 1], [0.1, 0], [0.45, 0.7], [0.8, 0], [0.85, 1])),
  // n
  f('n', 'arch', 3, join(line([0.15, 0], [0.15, 1]), curve([0.15, 1], [0.2, 0.4], [0.4, 0.04], [0.62, 0.06], [0.75, 0.3], [0.75, 1]))),
  f('n', 'lead-in', 4, join(curve([0, 0.32], [0.12, 0.04], [0.2, 0.22], [0.2, 1]), curve([0.2, 1], [0.25, 0.45], [0.42, 0.05], [0.62, 0.04], [0.76, 0.28], [0.76, 0.86], [0.92, 1]))),
  f('n', 'cursive', 2, join(curve([0, 1], [0.15, 0.5], [0.22, 0.05]), curve([0.22, 0.05], [0.22, 1]), curve([0.22, 1], [0.28, 0.45], [0.45, 0.05], [0.65, 0.08], [0.74, 0.4], [0.76, 0.85], [0.95, 0.98]))),
  f('n', 'flat-cursive', 3, join(curve([0, 0.95], [0.12, 0.55], [0.2, 0.3]), curve([0.2, 0.3], [0.22, 1]), curve([0.22, 1], [0.3, 0.55], [0.5, 0.3], [0.7, 0.38], [0.78, 0.7], [0.8, 0.92], [1.05, 0.95]))),
  f('N', 'one-stroke', 1, line([0.1, 1], [0.1, 0], [0.8, 1], [0.8, 0])),
  // o
  f('o', 'overlap', 4, arc(0.42, 0.5, 0.38, 0.5, -80, -440)),
  f('o', 'tail', 3, join(arc(0.42, 0.52, 0.36, 0.48, -90, -450), curve([0.42, 0.04], [0.7, 0.06], [1, 0.1]))),
  f('o', 'loop-top', 2, curve([0.6, 0.08], [0.35, 0.02], [0.08, 0.3], [0.1, 0.75], [0.4, 1], [0.72, 0.85], [0.8, 0.4], [0.55, 0.06], [0.4, 0.15], [0.6, 0.2], [0.95, 0.1])),
  f('o', 'clockwise', 1, arc(0.42, 0.5, 0.38, 0.5, -100, 270)),
  f('o', 'narrow', 4, arc(0.3, 0.5, 0.24, 0.5, -80, -440)),
  f('o', 'hook-in', 2, join(arc(0.35, 0.52, 0.3, 0.48, -60, -410), curve([0.5, 0.08], [0.42, 0.2], [0.3, 0.22]))),
  f('o', 'angular', 1.5, curve([0.5, 0.04], [0.15, 0.1], [0.04, 0.6], [0.3, 1], [0.68, 0.88], [0.74, 0.3], [0.45, 0.02], [0.3, 0.14])),
  f('o', 'tick', 3, join(arc(0.42, 0.55, 0.38, 0.45, -70, -430), curve([0.55, 0.13], [0.62, 0.03], [0.72, 0]))),
  f('o', 'tail-up', 1.5, join(arc(0.4, 0.55, 0.36, 0.45, -40, -400), curve([0.68, 0.26], [0.72, 0.08]))),
  f('O', 'round', 1, arc(0.48, 0.5, 0.46, 0.5, -90, -450)),
  // p
  f('p', 'one-stroke', 3, join(line([0.15, 0.02], [0.15, 1]), curve([0.15, 1], [0.15, 0.35]), curve([0.15, 0.35], [0.2, 0.1], [0.45, 0], [0.7, 0.12], [0.7, 0.42], [0.45, 0.55], [0.16, 0.48]))),
  f('p', 'two-strokes', 2, line([0.15, 0], [0.15, 1]), arc(0.16, 0.27, 0.55, 0.26, -90, 90)),
  f('p', 'lead-in', 1, join(curve([0, 0.25], [0.1, 0.02], [0.18, 0.1]), line([0.18, 0.1], [0.18, 1]), curve([0.18, 1], [0.18, 0.35], [0.35, 0.04], [0.65, 0.05], [0.75, 0.3], [0.5, 0.55], [0.2, 0.5]))),
  f('P', 'two-strokes', 1, line([0.1, 0], [0.1, 1]), arc(0.12, 0.26, 0.6, 0.26, -90, 90)),
  // q
  f('q', 'one-stroke', 3, join(arc(0.4, 0.28, 0.32, 0.27, -20, -360), curve([0.72, 0.28], [0.74, 0.02]), curve([0.74, 0.02], [0.74, 1]), curve([0.74, 1], [0.85, 0.88], [0.95, 0.8]))),
  f('q', 'loop', 2, join(arc(0.4, 0.28, 0.32, 0.27, -20, -360), curve([0.72, 0.28], [0.74, 0.02]), curve([0.74, 0.02], [0.74, 0.7], [0.7, 1], [0.6, 0.9], [0.78, 0.7], [1, 0.6]))),
  f('q', 'two-strokes', 1, arc(0.4, 0.28, 0.32, 0.27, -20, -370), line([0.74, 0], [0.74, 1])),
  f('Q', 'tail', 1, arc(0.48, 0.48, 0.45, 0.48, -90, -450), line([0.55, 0.72], [0.95, 1])),
  // r
  f('r', 'stem-shoulder', 3, join(line([0.2, 0], [0.2, 1]), curve([0.2, 1], [0.24, 0.45], [0.42, 0.1], [0.65, 0.02], [0.82, 0.1]))),
  f('r', 'lead-in', 3, join(curve([0, 0.32], [0.12, 0.04], [0.22, 0.22], [0.22, 1]), curve([0.22, 1], [0.26, 0.45], [0.45, 0.08], [0.68, 0.03], [0.85, 0.12]))),
  f('r', 'v-flag', 3, join(line([0.12, 0.05], [0.22, 1]), curve([0.22, 1], [0.35, 0.45], [0.55, 0.12], [0.78, 0.02], [0.95, 0.12]))),
  f('r', 'lead-in-v', 2, join(curve([0, 0.35], [0.12, 0.05], [0.2, 0.3], [0.24, 1]), curve([0.24, 1], [0.4, 0.4], [0.6, 0.1], [0.85, 0.05], [1, 0.15]))),
  f('r', 'cursive', 2, join(curve([0, 1], [0.18, 0.45], [0.3, 0.05]), curve([0.3, 0.05], [0.5, 0.18], [0.66, 0.12]), curve([0.66, 0.12], [0.62, 0.55], [0.66, 0.92], [0.9, 0.95]))),
  f('R', 'two-strokes', 1, line([0.1, 1], [0.1, 0]), join(arc(0.12, 0.25, 0.55, 0.25, -90, 90), line([0.12, 0.5], [0.75, 1]))),
  // s
  f('s', 'print', 3, curve([0.82, 0.12], [0.5, 0], [0.15, 0.12], [0.2, 0.4], [0.55, 0.55], [0.85, 0.75], [0.7, 0.97], [0.35, 1], [0.08, 0.86])),
  f('s', 'lead-in', 2, join(curve([0, 0.9], [0.35, 0.45], [0.5, 0.02]), curve([0.5, 0.02], [0.75, 0.55], [0.72, 0.9], [0.45, 1], [0.2, 0.85]))),
  // t
  f('t', 'foot', 3, curve([0.4, 0], [0.4, 0.75], [0.46, 0.95], [0.62, 1], [0.8, 0.9]), line([0.1, 0.35], [0.75, 0.33])),
  f('t', 'cross', 2, line([0.42, 0], [0.42, 1]), line([0.1, 0.33], [0.78, 0.33])),
  f('t', 'loop', 1, curve([0.05, 0.75], [0.35, 0.3], [0.45, 0], [0.38, 0.4], [0.4, 0.85], [0.55, 1], [0.8, 0.9]), line([0.12, 0.35], [0.8, 0.33])),
  f('T', 'two-strokes', 1, line([0.05, 0], [0.85, 0]), line([0.45, 0], [0.45, 1])),
  // u
  f('u', 'stem', 3, join(curve([0.1, 0], [0.1, 0.7], [0.3, 1], [0.58, 0.96], [0.78, 0.65], [0.8, 0]), line([0.8, 0], [0.8, 0.85], [0.92, 1]))),
  f('u', 'lead-in', 2, join(curve([0, 0.3], [0.12, 0.02], [0.15, 0.3], [0.15, 0.72], [0.35, 1], [0.6, 0.95], [0.8, 0.6], [0.82, 0]), curve([0.82, 0], [0.82, 0.8], [0.9, 1], [1, 0.9]))),
  f('U', 'one-stroke', 1, curve([0.08, 0], [0.08, 0.7], [0.3, 1], [0.62, 1], [0.82, 0.7], [0.84, 0])),
  // v
  f('v', 'print', 2, line([0, 0], [0.42, 1], [0.84, 0])),
  f('v', 'cursive', 2, join(curve([0, 0.25], [0.12, 0.02], [0.2, 0.25], [0.42, 1]), curve([0.42, 1], [0.7, 0.3], [0.78, 0.05], [0.95, 0.05]))),
  // w
  f('w', 'print', 2, line([0, 0], [0.24, 1], [0.5, 0.25], [0.76, 1], [1, 0])),
  f('w', 'rounded', 2, join(curve([0.05, 0], [0.08, 0.7], [0.25, 1], [0.45, 0.8], [0.5, 0.35]), curve([0.5, 0.35], [0.55, 0.8], [0.75, 1], [0.92, 0.7], [0.95, 0], [1.05, 0.05]))),
  // x
  f('x', 'cross', 2, line([0, 0], [0.82, 1]), line([0.82, 0], [0, 1])),
  f('x', 'cursive', 1, curve([0.02, 0.12], [0.2, 0], [0.4, 0.3], [0.55, 0.75], [0.75, 1], [0.9, 0.85]), line([0.75, 0.05], [0.12, 0.98])),
  // y
  f('y', 'print', 2, line([0.05, 0], [0.45, 0.58]), line([0.85, 0], [0.25, 1])),
  f('y', 'u-loop', 3, join(curve([0.08, 0], [0.1, 0.35], [0.3, 0.55], [0.55, 0.5], [0.72, 0.3], [0.74, 0]), curve([0.74, 0], [0.74, 0.75], [0.6, 0.98], [0.38, 0.96], [0.45, 0.76], [0.72, 0.66], [0.95, 0.6]))),
  f('y', 'u-hook', 2, join(curve([0.08, 0], [0.1, 0.35], [0.3, 0.55], [0.55, 0.5], [0.72, 0.3], [0.74, 0]), curve([0.74, 0], [0.74, 0.72], [0.62, 0.95], [0.38, 1], [0.12, 0.88]))),
  // z
  f('z', 'print', 2, line([0.05, 0], [0.85, 0], [0.05, 1], [0.9, 1])),
  f('z', 'loop', 1, join(line([0.05, 0.05], [0.78, 0.02], [0.12, 0.55]), curve([0.12, 0.55], [0.55, 0.5], [0.7, 0.7], [0.6, 0.95], [0.35, 1], [0.3, 0.85], [0.6, 0.8], [0.85, 0.85]))),
  f('Z', 'crossed', 1, line([0.05, 0], [0.85, 0], [0.05, 1], [0.9, 1]), line([0.2, 0.5], [0.7, 0.5])),
];

/**
 * How much a hand varies a form: more than a font glyph (synth.ts DEFAULT_SYNTH) — local
 * deformation (loops grow and shrink, bowls open), slant up to 0.6 to the right as cursive writers
 * lean, 40 % recorded on a coarse tablet grid — at a pen width near the live path's 2.5 px, and no
 * raster augmentation after rendering (the crisp rendering is softened by the batch augmentation).
 * Chosen by the runs in docs/experiments/2026-11-24-pen-form-variation.md.
 */
export const PEN_FORMS_SYNTH: SynthOptions = {
  ...DEFAULT_SYNTH,
  slant: [-0.3, 0.6],
  strokeWidth: [2.0, 3.2],
  detail: 0.08,
  coarse: { probability: 0.4, steps: [10, 24] },
};

/** The class (0 = A/a … 25 = Z/z) of a form. */
export const classOfForm = (form: LetterForm): number => form.char.toUpperCase().charCodeAt(0) - 65;

export interface LetterFormsOptions {
  readonly perClass: number;
  readonly seed: number;
  readonly synth?: SynthOptions;
  /** Raster augmentation after rendering; default none (null). */
  readonly augment?: AugmentOptions | null;
}

export interface LetterFormsSet {
  /** [count, 784] in [0, 1], ink = 1. */
  readonly images: Float32Array;
  readonly labels: Int32Array;
  readonly count: number;
}

/** A pen-drawn form of some class: its strokes and how often it is picked among its class's forms. */
export interface WeightedForm {
  readonly strokes: readonly Contour[];
  readonly weight: number;
}

/**
 * `perClass` samples of each class (classes interleaved), each a form of its class picked by weight,
 * varied like a hand (`synth`), then augmented (`augmenter`, if any) and clamped to [0, 1]. One `rng`
 * draws everything in a fixed order, so a seed gives the same bytes.
 */
export function generateForms(
  byClass: readonly (readonly WeightedForm[])[],
  perClass: number,
  rng: Rng,
  synth: SynthOptions,
  augmenter: Augmenter | null,
): LetterFormsSet {
  const classes = byClass.length;
  const count = classes * perClass;
  const images = new Float32Array(count * 784);
  const labels = new Int32Array(count);
  let k = 0;
  for (let j = 0; j < perClass; j++) {
    for (let c = 0; c < classes; c++) {
      const forms = byClass[c];
      let r = rng.next() * forms.reduce((s, form) => s + form.weight, 0);
      let form = forms[forms.length - 1];
      for (const candidate of forms) {
        r -= candidate.weight;
        if (r < 0) {
          form = candidate;
          break;
        }
      }
      const x = synthFromStrokes(form.strokes, rng, synth);
      augmenter?.apply(x, 1, rng);
      for (let i = 0; i < 784; i++) x[i] = Math.min(1, Math.max(0, x[i]));
      images.set(x, k * 784);
      labels[k] = c;
      k++;
    }
  }
  return { images, labels, count };
}

/** `perClass` samples of each of the 26 classes, forms picked by weight, varied like a hand. */
export function generateLetterForms(opts: LetterFormsOptions): LetterFormsSet {
  const byClass: LetterForm[][] = Array.from({ length: 26 }, (_, c) =>
    LETTER_FORMS.filter((form) => classOfForm(form) === c),
  );
  const augmenter = opts.augment ? new Augmenter(opts.augment, 28) : null;
  return generateForms(byClass, opts.perClass, new Rng(opts.seed), opts.synth ?? PEN_FORMS_SYNTH, augmenter);
}
