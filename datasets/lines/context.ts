// Context for the pairs no isolated glyph can separate (0/O, 1/I, 2/Z, 5/S, 8/B): what kind of line
// it is decides them where it can. A number reads digits only, a word letters only; in a mixed code
// the model's probabilities decide, leaning towards the kind of the character's two neighbours.

export type LineKind = 'number' | 'letters' | 'mixed';

export const LINE_KINDS: readonly LineKind[] = ['number', 'letters', 'mixed'];

export const isLineKind = (s: string): s is LineKind => (LINE_KINDS as readonly string[]).includes(s);

/** [digit, letter] pairs that look alike in handwriting (case-merged letters). */
export const AMBIGUOUS_PAIRS: readonly (readonly [string, string])[] = [
  ['0', 'O'],
  ['1', 'I'],
  ['2', 'Z'],
  ['5', 'S'],
  ['8', 'B'],
];

/**
 * How much more likely a character of a mixed code is a digit than the Characters model says. The
 * model was trained on every class equally often (10 digits against 26 letters), but a code is about
 * half digits; its digit-or-letter calls lean to letters (0 read O). Chosen on the validation donor's
 * lines (bench/line-tuning.ts).
 */
export const DIGIT_BIAS = 1.5;

/** How much more weight the neighbours' kind gets in a mixed line (a likelihood ratio). */
export const NEIGHBOUR_LEAN = 4;

export const isDigit = (c: string): boolean => c.length === 1 && c >= '0' && c <= '9';
export const isLetter = (c: string): boolean => c.length === 1 && c.toUpperCase() !== c.toLowerCase();

/**
 * Probabilities restricted to the classes a line of `kind` can hold, renormalized (a fresh array).
 * 'mixed' keeps all; a restriction that would leave nothing (a digits model on a word) keeps all.
 */
export function restrictToKind(
  probs: ArrayLike<number>,
  classes: readonly string[],
  kind: LineKind,
): Float64Array {
  const out = Float64Array.from(probs);
  if (kind === 'mixed') return out;
  const allowed = kind === 'number' ? isDigit : isLetter;
  if (!classes.some(allowed)) return out;
  let sum = 0;
  for (let k = 0; k < out.length; k++) {
    if (!allowed(classes[k])) out[k] = 0;
    sum += out[k];
  }
  if (sum > 0) for (let k = 0; k < out.length; k++) out[k] /= sum;
  return out;
}

/** The probabilities of the classes of one kind × `factor`, renormalized (a fresh array). */
export function weightKind(
  probs: ArrayLike<number>,
  classes: readonly string[],
  ofKind: (c: string) => boolean,
  factor: number,
): Float64Array {
  const out = Float64Array.from(probs);
  let sum = 0;
  for (let k = 0; k < out.length; k++) {
    if (ofKind(classes[k])) out[k] *= factor;
    sum += out[k];
  }
  if (sum > 0) for (let k = 0; k < out.length; k++) out[k] /= sum;
  return out;
}

/** The digits' probabilities × `factor`, renormalized (a fresh array; the input when factor is 1). */
export function weightDigits(probs: Float64Array, classes: readonly string[], factor: number): Float64Array {
  return factor === 1 ? probs : weightKind(probs, classes, isDigit, factor);
}

/**
 * In a mixed line, a character whose best class belongs to an ambiguous pair, standing between two
 * digits (or two letters), has the pair member of that kind weighted by NEIGHBOUR_LEAN and the
 * probabilities renormalized (a fresh array; the input when nothing applies).
 */
export function leanTowardsNeighbours(
  probs: Float64Array,
  classes: readonly string[],
  left: string | undefined,
  right: string | undefined,
): Float64Array {
  if (left === undefined || right === undefined) return probs;
  const kind =
    isDigit(left) && isDigit(right) ? isDigit : isLetter(left) && isLetter(right) ? isLetter : null;
  if (!kind) return probs;
  const best = argmax(probs);
  const pair = AMBIGUOUS_PAIRS.find((p) => p.includes(classes[best].toUpperCase()));
  if (!pair) return probs;
  // Only where the model knows both readings: a digits model has no O to lean away from.
  if (!pair.every((m) => classes.some((c) => c.toUpperCase() === m))) return probs;
  const favoured = classes.findIndex((c) => c.toUpperCase() === pair.find(kind));
  const out = Float64Array.from(probs);
  out[favoured] *= NEIGHBOUR_LEAN;
  const sum = out.reduce((a, b) => a + b, 0);
  for (let k = 0; k < out.length; k++) out[k] /= sum;
  return out;
}

export function argmax(values: ArrayLike<number>): number {
  let k = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[k]) k = i;
  return k;
}
