// Reading a line of handwriting with a model: the one function `glyph-lab read`, bench/lines.ts and
// the Draw screen's Line mode share. Strokes are cut by datasets/lines/segment-strokes.ts, pictures
// by the ink's connected components (segment-image.ts); every candidate character goes through the
// one normalization (normalizeStrokes / normalizeImage) and the model, and read-line.ts picks the
// best segmentation. Browser-safe: the model is any `predict` over the 28×28 input (createPredictor
// in Node, the engine's Recognizer in the renderer).

import type { LineKind } from '../../datasets/lines/context';
import {
  type Classify,
  type LineReading,
  type ReadLineOptions,
  readLine,
} from '../../datasets/lines/read-line';
import {
  type ImageAtom,
  imageOfAtoms,
  type SegmentImageOptions,
  segmentImage,
} from '../../datasets/lines/segment-image';
import {
  type SegmentStrokesOptions,
  type StrokeAtom,
  segmentStrokes,
  strokesOfAtoms,
} from '../../datasets/lines/segment-strokes';
import { normalizeImage, normalizeStrokes, type Stroke } from '../../datasets/normalize';

export { withSpecialists } from '../../datasets/lines/specialists';

/** A classifier of single characters: the normalized [784] input → one probability per class. */
export interface LineModel {
  readonly classes: readonly string[];
  readonly predict: (input: Float32Array) => ArrayLike<number>;
}

export type LineModelTask = 'digits' | 'letters' | 'characters';

/** The task of the built-in model a line of each kind is read with when none is named, best first. */
export const LINE_MODEL_TASKS: Readonly<Record<LineKind, readonly LineModelTask[]>> = {
  // The Characters model reads numbers and words too (context.ts restricts it to the line's kind);
  // the single-task models come first where they exist, as the better readers of their own classes.
  number: ['digits', 'characters'],
  letters: ['letters', 'characters'],
  mixed: ['characters'],
};

export interface LineReadingOptions extends Omit<ReadLineOptions, 'classes'> {
  readonly strokes?: SegmentStrokesOptions;
  readonly image?: SegmentImageOptions;
}

/** Each candidate's strokes, normalized and classified (for a LineReader, or readLine itself). */
export function strokeClassifier(line: readonly Stroke[], model: LineModel): Classify<StrokeAtom> {
  return (c) => model.predict(normalizeStrokes(strokesOfAtoms(line, c.atoms)));
}

/** Each candidate's ink, cropped from the picture, normalized and classified. */
export function imageClassifier(model: LineModel): Classify<ImageAtom> {
  return (c) => {
    const crop = imageOfAtoms(c.atoms);
    return model.predict(normalizeImage(crop.image, crop.width, crop.height));
  };
}

/** A line drawn as strokes (time order), read; boxes in the strokes' units. */
export function readLineStrokes(
  strokes: readonly Stroke[],
  model: LineModel,
  options: LineReadingOptions = {},
): LineReading {
  const atoms = segmentStrokes(strokes, options.strokes);
  return readLine(atoms, strokeClassifier(strokes, model), { ...options, classes: model.classes });
}

/** A picture of a line (ink = 1, paper = 0, [height, width] row-major), read; boxes in pixel edges. */
export function readLineImage(
  ink: ArrayLike<number>,
  width: number,
  height: number,
  model: LineModel,
  options: LineReadingOptions = {},
): LineReading {
  const atoms = segmentImage(ink, width, height, options.image);
  return readLine(atoms, imageClassifier(model), { ...options, classes: model.classes });
}
