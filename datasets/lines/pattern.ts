// A code's pattern, when the person knows it: `AA00AAA` (A = a letter, 0 = a digit, ? = either) for a
// British number plate. It fixes how many characters the line holds and the kind of each, so the
// search looks only at segmentations into exactly that many characters, each read inside its kind.

import type { LineKind } from './context';

/** The pattern's letters, checked: a clear error for anything but A, 0 and ?. */
export function parsePattern(pattern: string): string {
  const p = pattern.trim().toUpperCase();
  if (p === '' || !/^[A0?]+$/.test(p))
    throw new Error(`pattern ${JSON.stringify(pattern)}: use A for a letter, 0 for a digit, ? for either`);
  return p;
}

/** The kind a character of the pattern is read as ('mixed' for ?). */
export function patternKind(c: string): LineKind {
  return c === '0' ? 'number' : c === 'A' ? 'letters' : 'mixed';
}

/**
 * The best split of n atoms into exactly m runs of at most K atoms, run c scored by score(i, j, c)
 * (atoms i … j − 1 as the pattern's c-th character); null when no split fits (fewer atoms than m).
 */
export function patternSpans(
  n: number,
  m: number,
  K: number,
  score: (i: number, j: number, c: number) => number,
): [number, number][] | null {
  // best[c][j]: c characters read from the first j atoms.
  const best = Array.from({ length: m + 1 }, () => new Float64Array(n + 1).fill(-Infinity));
  const from = Array.from({ length: m + 1 }, () => new Int32Array(n + 1));
  best[0][0] = 0;
  for (let c = 1; c <= m; c++) {
    for (let j = c; j <= n; j++) {
      for (let k = 1; k <= Math.min(K, j); k++) {
        if (best[c - 1][j - k] === -Infinity) continue;
        const s = best[c - 1][j - k] + score(j - k, j, c - 1);
        if (s > best[c][j]) {
          best[c][j] = s;
          from[c][j] = j - k;
        }
      }
    }
  }
  if (best[m][n] === -Infinity) return null;
  const spans: [number, number][] = [];
  for (let c = m, j = n; c > 0; j = from[c][j], c--) spans.unshift([from[c][j], j]);
  return spans;
}
