// Line mode's reading, pure: the line's strokes → atoms (datasets/lines/segment-strokes.ts) → the
// best segmentation under the model (read-line.ts), each candidate character through the ONE glyph
// normalization the Draw screen uses and the renderer's model. A LineReader keeps every candidate's
// probabilities, so a stroke re-classifies only the candidates holding it.

import type { LineKind } from '../../../datasets/lines/context';
import { LineReader } from '../../../datasets/lines/line-reader';
import type { LineReading } from '../../../datasets/lines/read-line';
import { type StrokeAtom, segmentStrokes, strokesOfAtoms } from '../../../datasets/lines/segment-strokes';
import { type Stroke as GlyphStroke, normalizeStrokes } from '../../../datasets/normalize';
import type { Stroke, StrokeSnapshot } from '../../canvas/stroke-machine';
import { MIN_GLYPH_EXTENT } from '../../inference/glyph-input';

/** What the reading needs of a model: the renderer's Recognizer (inference/recognizer.ts) is one. */
export interface LineModel {
  readonly classes: readonly string[];
  /** [784] in [0, 1] → class probabilities. */
  predict(image: Float32Array): ArrayLike<number>;
}

/**
 * The line's ink in one coordinate space: canvas CSS px of the canvas the newest stroke was drawn on
 * (`side`, its height); a stroke drawn before the window was resized is scaled into it.
 */
export interface LineInk {
  readonly strokes: readonly GlyphStroke[];
  readonly side: number;
}

/** The finished strokes and the one under way, in time order (the order segmentation reads). */
export function lineInk(snapshot: Pick<StrokeSnapshot, 'strokes' | 'active'>): LineInk {
  const all: readonly Stroke[] = snapshot.active ? [...snapshot.strokes, snapshot.active] : snapshot.strokes;
  const side = all.at(-1)?.canvas ?? 0;
  const strokes = all.map((s): GlyphStroke => {
    // Scale 1 leaves the points as drawn (whole pixels from a mouse), as glyphInput sees them.
    if (side <= 0 || s.canvas <= 0 || s.canvas === side) return s;
    const k = side / s.canvas;
    return { points: s.points.map((p) => ({ x: p.x * k, y: p.y * k })) };
  });
  return { strokes, side };
}

/** A candidate character's 28×28, exactly as the single-character Draw screen normalizes a drawing. */
export function candidateImage(line: readonly GlyphStroke[], atoms: readonly StrokeAtom[]): Float32Array {
  return normalizeStrokes(strokesOfAtoms(line, atoms), { minExtent: MIN_GLYPH_EXTENT });
}

export interface LineRead {
  readonly reading: LineReading;
  /** The atoms the reading was made of, left to right (a character's `atoms` are their keys). */
  readonly atoms: readonly StrokeAtom[];
  /** The strokes read, in the reading's coordinates. */
  readonly strokes: readonly GlyphStroke[];
}

/** One line read live with one model: reuse the characters that did not change. */
export class LiveLine {
  private strokes: readonly GlyphStroke[] = [];
  private readonly reader: LineReader<StrokeAtom>;

  constructor(readonly model: LineModel) {
    this.reader = new LineReader((c) => model.predict(candidateImage(this.strokes, c.atoms)));
  }

  /** Forward passes so far: one per candidate not seen before. */
  get classified(): number {
    return this.reader.classified;
  }

  /** `pattern`: a Code line's known pattern (A a letter, 0 a digit, ? either; datasets/lines/pattern.ts). */
  read(strokes: readonly GlyphStroke[], kind: LineKind, pattern?: string): LineRead {
    this.strokes = strokes;
    const atoms = segmentStrokes(strokes);
    const reading = this.reader.read(atoms, { classes: this.model.classes, kind, pattern });
    return { reading, atoms, strokes };
  }
}
