// How a read line is scored against the line that was written (bench/lines.ts, bench/line-tuning.ts):
// whole-line exact match, edit distance for the character error rate, and the found boxes matched one
// to one to the true characters' boxes.

import { type Box, boxIou } from '../datasets/lines/box';

/** Levenshtein distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length];
}

/**
 * How many true boxes a found box matches at IoU ≥ `iou`, each found and each true box used once
 * (greedy, best pairs first: the count a one-to-one assignment reaches on boxes that barely overlap).
 */
export function matchedBoxes(found: readonly Box[], truth: readonly Box[], iou = 0.5): number {
  const pairs: [number, number, number][] = [];
  found.forEach((f, i) => {
    truth.forEach((t, j) => {
      const v = boxIou(f, t);
      if (v >= iou) pairs.push([v, i, j]);
    });
  });
  pairs.sort((a, b) => b[0] - a[0]);
  const usedFound = new Set<number>();
  const usedTrue = new Set<number>();
  for (const [, i, j] of pairs) {
    if (usedFound.has(i) || usedTrue.has(j)) continue;
    usedFound.add(i);
    usedTrue.add(j);
  }
  return usedTrue.size;
}

/** Running totals over lines: exact lines, edits, characters, matched boxes. */
export class LineScore {
  lines = 0;
  exact = 0;
  edits = 0;
  characters = 0;
  boxes = 0;
  linesBoxed = 0;

  /** `fold` maps both texts before comparing (words: the case-merged letters). */
  add(
    read: string,
    truth: string,
    found: readonly Box[],
    trueBoxes: readonly Box[],
    fold = (s: string) => s,
  ): void {
    const d = editDistance(fold(read), fold(truth));
    const m = matchedBoxes(found, trueBoxes);
    this.lines++;
    this.exact += d === 0 ? 1 : 0;
    this.edits += d;
    this.characters += truth.length;
    this.boxes += m;
    this.linesBoxed += m === trueBoxes.length && found.length === trueBoxes.length ? 1 : 0;
  }

  get exactRate(): number {
    return this.exact / Math.max(1, this.lines);
  }

  get cer(): number {
    return this.edits / Math.max(1, this.characters);
  }

  get boxRate(): number {
    return this.boxes / Math.max(1, this.characters);
  }
}
