// A picture of a line of handwriting, read: decoded through the one image decoder (sharp; the size
// checked from the header, at most 4096×4096 pixels), turned into ink (grey, auto-inverted, paper
// cleaned: datasets/gray.ts) at its own resolution, and read by app/model/line-reading.ts.
// `glyph-lab read` calls it per file, and bench/lines.ts on rendered lines, so both measure one path.

import { toInk, toLuminance } from '../../datasets/gray';
import { decodeImage } from '../../datasets/io/image-file';
import type { LineReading } from '../../datasets/lines/read-line';
import { hasInk, NO_INK } from '../core/stores/image-io';
import { type LineModel, type LineReadingOptions, readLineImage } from '../model/line-reading';

export interface InkImage {
  /** ink = 1, paper = 0, [height, width] row-major */
  readonly ink: Float32Array;
  readonly width: number;
  readonly height: number;
}

/** An image file (or its bytes) → ink at full resolution; a blank image is refused, as predict refuses it. */
export async function readInk(input: string | Uint8Array, name?: string): Promise<InkImage> {
  const img = await decodeImage(input, name);
  const ink = toInk(toLuminance(img.pixels, img.width, img.height, img.channels), img.width, img.height);
  if (!hasInk(ink)) throw new Error(NO_INK);
  return { ink, width: img.width, height: img.height };
}

export async function readLineFile(
  input: string | Uint8Array,
  model: LineModel,
  options: LineReadingOptions = {},
): Promise<LineReading> {
  const { ink, width, height } = await readInk(input);
  return readLineImage(ink, width, height, model, options);
}
