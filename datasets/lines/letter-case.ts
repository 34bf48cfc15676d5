// Case from geometry. The letters model is case-merged ('a' and 'A' are one class); a line still
// shows case where a letter's top sits well below the line's capital height: a, c, e, m, n, o, r,
// s, u, v, w, x, z end at the x-height, and g, p, q, y hang below the baseline with no ascender.
// Letters with ascenders (b, d, f, h, k, l, t) keep the capital form: their height cannot tell.

import { type Box, boxHeight, median } from './box';

export interface LetterCaseOptions {
  /** A top lower than this × capital height under the capital line is a small letter (default 0.3). */
  drop?: number;
  /** Characters this tall × capital height or more set the capital line (default 0.85). */
  tall?: number;
}

/**
 * For each box (the line's characters, left to right), whether its geometry shows a small letter.
 * The capital line is fitted through the tops of the tall characters (least squares, so a slight
 * drift of the baseline is followed), dropping the tall characters that hang far below it (a g or y
 * is as tall as a capital, but starts at the x-height); with fewer than two tall characters left,
 * nothing shows case.
 */
export function smallLetters(boxes: readonly Box[], options: LetterCaseOptions = {}): boolean[] {
  const drop = options.drop ?? 0.3;
  const tallShare = options.tall ?? 0.85;
  const none = boxes.map(() => false);
  let capital = Math.max(0, ...boxes.map(boxHeight));
  let tall = boxes.filter((b) => boxHeight(b) >= tallShare * capital);
  let top = fitTops(tall);
  while (tall.length > 2) {
    const low = tall.reduce((a, b) => (b.y0 - top(b) > a.y0 - top(a) ? b : a));
    if (low.y0 - top(low) <= 0.5 * drop * capital) break;
    tall = tall.filter((b) => b !== low);
    top = fitTops(tall);
  }
  if (tall.length < 2 || capital <= 0) return none;
  capital = median(tall.map(boxHeight));
  return boxes.map((b) => b.y0 - top(b) > drop * capital);
}

/** The least-squares line through the boxes' tops against their centres: x → y of the top. */
function fitTops(boxes: readonly Box[]): (b: Box) => number {
  const xs = boxes.map((b) => (b.x0 + b.x1) / 2);
  const ys = boxes.map((b) => b.y0);
  const n = Math.max(1, xs.length);
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i] - my);
    sxx += (x - mx) * (x - mx);
  });
  const slope = sxx > 0 ? sxy / sxx : 0;
  return (b) => my + slope * ((b.x0 + b.x1) / 2 - mx);
}

/** The form to show: lower case where geometry says small and the class is a letter. */
export function withCase(text: string, small: boolean): string {
  return small ? text.toLowerCase() : text;
}
