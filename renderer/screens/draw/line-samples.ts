// "Save as samples": a read (and corrected) line becomes one sample per character in one of the
// person's sets, each with its own strokes, its 28×28 through the one normalization, and the label
// shown, in the model's case-merged class ("a" shown by the line's geometry is saved as "A"), so the
// set fine-tunes the Characters model without growing a second class per letter. Writing lines is
// the fast way to collect training data.

import type { StrokeData } from '../../../app/shared/types';
import type { StrokeAtom } from '../../../datasets/lines/segment-strokes';
import type { ShownCharacter } from './line-corrections';
import { candidateImage, type LineRead } from './line-reading';

/** What `samples:add` receives for one character (without the set). */
export interface LineSample {
  readonly label: string;
  /** [784], the image the model read this character from. */
  readonly image: Float32Array;
  /** The character's strokes, moved so its ink starts at (0, 0): the character alone, not its place. */
  readonly strokes: StrokeData[];
}

export function lineSamples(read: LineRead, characters: readonly ShownCharacter[]): LineSample[] {
  const byKey = new Map(read.atoms.map((a) => [a.key, a]));
  return characters.map((c) => {
    const atoms = c.atoms.map((k) => byKey.get(k)).filter((a): a is StrokeAtom => a !== undefined);
    if (atoms.length !== c.atoms.length) throw new Error(`the ink of “${c.text}” changed while saving`);
    const strokes = atoms
      .flatMap((a) => a.strokes)
      .sort((a, b) => a - b)
      .map((i) => read.strokes[i]!);
    return {
      label: c.text.toUpperCase(),
      image: candidateImage(read.strokes, atoms),
      strokes: strokes.map((s) =>
        s.points.map((p): [number, number] => [round2(p.x - c.box.x0), round2(p.y - c.box.y0)]),
      ),
    };
  });
}

const round2 = (v: number) => Math.round(v * 100) / 100;

export interface SaveOutcome {
  readonly saved: readonly string[];
  /** The first sample that failed, and why (the ones after it were not tried). */
  readonly failed: { readonly label: string; readonly reason: string } | null;
  readonly total: number;
}

/** Adds the samples one by one, in line order; stops at the first failure. */
export async function saveSamples(
  samples: readonly LineSample[],
  add: (sample: LineSample) => Promise<unknown>,
  reasonOf: (error: unknown) => string,
): Promise<SaveOutcome> {
  const saved: string[] = [];
  for (const s of samples) {
    try {
      await add(s);
    } catch (e) {
      return { saved, failed: { label: s.label, reason: reasonOf(e) }, total: samples.length };
    }
    saved.push(s.label);
  }
  return { saved, failed: null, total: samples.length };
}

/** What the notice says: what was saved where, or why not. */
export function saveWords(
  outcome: SaveOutcome,
  setTitle: string,
): { kind: 'success' | 'error'; text: string } {
  const n = outcome.saved.length;
  const list = outcome.saved.map((l) => `“${l}”`).join(' ');
  const plural = (k: number) => `${k} sample${k === 1 ? '' : 's'}`;
  if (!outcome.failed) return { kind: 'success', text: `Saved ${plural(n)} to ${setTitle}: ${list}.` };
  const why = `“${outcome.failed.label}” was not saved: ${outcome.failed.reason}`;
  if (n === 0) return { kind: 'error', text: `Nothing was saved to ${setTitle}. ${why}` };
  return {
    kind: 'error',
    text: `Saved ${n} of ${plural(outcome.total)} to ${setTitle} (${list}); ${why}. The rest were not saved.`,
  };
}
