// Case from geometry. The letters model is case-merged ('a' and 'A' are one class); a line still
// shows case where a letter's top sits well below the line's capital height: a, c, e, m, n, o, r,
// s, u, v, w, x, z end at the x-height, and g, p, q, y hang below the baseline with no ascender.
// Letters with ascenders (b, d, f, h, k, l, t) keep the capital form: their height cannot tell.

import { type Box, boxHeight } from './box';

export interface LetterCaseOptions {
  /** A top lower than this × capital height under the capital line is a small letter (default 0.3). */
  drop?: number;
  /** Characters this tall × capital height or more set the capital line (default 0.85). */
  tall?: number;
}

/**
 * For each box (the line's characters, left to right), whether its geometry shows a small letter.
 * The capital line is fitted through the tops of the tall characters (least squares, so a slight
 * drift of the baseline is followed); with fewer than two tall characters, nothing shows case.
 */
export function smallLetters(boxes: readonly Box[], options: LetterCaseOptions = {}): boolean[] {
  const drop = options.drop ?? 0.3;
  const tallShare = options.tall ?? 0.85;
  const capital = Math.max(0, ...boxes.map(boxHeight));
  const tall = boxes.filter((b) => boxHeight(b) >= tallShare * capital);
  if (tall.length < 2 || capital <= 0) return boxes.map(() => false);
  const xs = tall.map((b) => (b.x0 + b.x1) / 2);
  const ys = tall.map((b) => b.y0);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) * (x - mx);
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  return boxes.map((b) => {
    const top = my + slope * ((b.x0 + b.x1) / 2 - mx);
    return b.y0 - top > drop * capital;
  });
}

/** The form to show: lower case where geometry says small and the class is a letter. */
export function withCase(text: string, small: boolean): string {
  return small ? text.toLowerCase() : text;
}
