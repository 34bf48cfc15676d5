// Lines of real pen handwriting, each in one person's hand: a text (line-texts.ts) is drawn first, then
// a writer of the chosen donors who wrote every character of it, then one of that writer's samples of
// each character, composed on a baseline (compose.ts). The donors decide what a figure is about:
// the test donors (apa, uqb, pri) for the held-out figures, never anything else for tuning.
// Browser-safe and pure (the samples are passed in: handwriting/unipen.ts loads them in Node).

import { Rng } from '../../engine/rng';
import { type ComposedLine, type ComposeOptions, composeLine, type Glyph } from './compose';

/** What this needs of a pen sample (handwriting/unipen.ts's UnipenSample fits). */
export interface PenSample extends Glyph {
  readonly writer: string;
  readonly donor: string;
}

/** Each writer (donor/writer) of the donors: their samples by label as written ('7', 'A', 'a'). */
export function writersOf(
  samples: readonly PenSample[],
  donors: readonly string[],
): Map<string, Map<string, PenSample[]>> {
  const writers = new Map<string, Map<string, PenSample[]>>();
  for (const s of samples) {
    if (!donors.includes(s.donor) || s.strokes.length === 0) continue;
    const key = `${s.donor}/${s.writer}`;
    let own = writers.get(key);
    if (!own) writers.set(key, (own = new Map()));
    const list = own.get(s.label);
    if (list) list.push(s);
    else own.set(s.label, [s]);
  }
  return writers;
}

export interface WriterLine extends ComposedLine {
  /** donor/writer */
  readonly writer: string;
}

/**
 * `count` lines of texts from `text`, each written by one writer of `donors` who has every character
 * of it (a text no writer has is drawn again, up to 1,000 times), seeded.
 */
export function writerLines(
  samples: readonly PenSample[],
  donors: readonly string[],
  text: (rng: Rng) => string,
  count: number,
  seed: number,
  options: ComposeOptions = {},
): WriterLine[] {
  const writers = [...writersOf(samples, donors)];
  const rng = new Rng(seed);
  const lines: WriterLine[] = [];
  for (let i = 0; i < count; i++) {
    let made: WriterLine | null = null;
    for (let attempt = 0; attempt < 1000 && !made; attempt++) {
      const t = text(rng);
      const able = writers.filter(([, own]) => [...t].every((c) => own.has(c)));
      if (able.length === 0) continue;
      const [writer, own] = able[rng.int(able.length)];
      const glyphs = [...t].map((c) => {
        const list = own.get(c)!;
        return list[rng.int(list.length)];
      });
      made = { ...composeLine(glyphs, rng, options), writer };
    }
    if (!made)
      throw new Error(`writerLines: no writer of ${donors.join(', ')} has the characters of these texts`);
    lines.push(made);
  }
  return lines;
}
