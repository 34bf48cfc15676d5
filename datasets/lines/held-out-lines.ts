// Node only. Lines of real pen handwriting from the held-out writers of the UNIPEN file (donors apa,
// uqb and pri: the product's test donors, never trained on), for the tests and bench/lines.ts:
// numbers, number-plate codes and words (line-texts.ts), one writer per line (writer-lines.ts).

import { Rng } from '../../engine/rng';
import { loadUnipen, type UnipenSample } from '../handwriting/unipen';
import { TEST_DONORS } from '../handwriting/writers';
import { byWriter, type ComposedLine, type ComposeOptions, composeLine } from './compose';
import { type LineSet, lineText } from './line-texts';
import { type WriterLine, writerLines } from './writer-lines';

export { TEST_DONORS };

/** The bundled UNIPEN file (all donors; callers pick the test donors); null when absent. */
export function loadHeldOutUnipen(): UnipenSample[] | null {
  return loadUnipen();
}

/**
 * `count` lines of `length` digits, each from one held-out writer picked at random (writers with at
 * least 10 digits), the digits drawn at random from that writer's, seeded.
 */
export function digitLines(
  samples: readonly UnipenSample[],
  count: number,
  length: number,
  seed: number,
  options: ComposeOptions = {},
): ComposedLine[] {
  const digits = samples.filter((s) => s.category === '1a' && TEST_DONORS.includes(s.donor));
  const writers = [...byWriter(digits).values()].filter((w) => w.length >= 10);
  if (writers.length === 0) throw new Error('digitLines: no held-out writer with 10 digits');
  const rng = new Rng(seed);
  const lines: ComposedLine[] = [];
  for (let i = 0; i < count; i++) {
    const own = writers[rng.int(writers.length)];
    const glyphs = Array.from({ length }, () => own[rng.int(own.length)]);
    lines.push(composeLine(glyphs, rng, options));
  }
  return lines;
}

/** `count` lines of a set (5-digit numbers, plates, words), each by one held-out writer, seeded. */
export function heldOutLines(
  samples: readonly UnipenSample[],
  set: LineSet,
  count: number,
  seed: number,
  options: ComposeOptions = {},
): WriterLine[] {
  return writerLines(samples, TEST_DONORS, (rng) => lineText(set, rng), count, seed, options);
}
