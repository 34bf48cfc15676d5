// The line's answer: the best segmentation of its atoms into characters under the model's
// probabilities, not the first cut. Dynamic programming over runs of up to K consecutive atoms:
//   best[j] = max over k ≤ K of best[j − k] + score(atoms j−k … j−1),
//   score   = log p(best class of the candidate, after the line's kind) + geometry prior.
// In a mixed line digits get the codes' prior (DIGIT_BIAS) before the search; then the context step
// (the neighbour lean, or the kinds along the line: kind-sequence.ts) and the case step (small
// letters by geometry).
// Browser-safe and pure: the caller's classifier runs the one normalization and the model.

import { type Box, unionBoxes } from './box';
import {
  argmax,
  DIGIT_BIAS,
  type LineKind,
  leanTowardsNeighbours,
  restrictToKind,
  weightDigits,
} from './context';
import { type GeometryPriorOptions, geometryPrior, lineGeometry } from './geometry-prior';
import { kindWeights } from './kind-sequence';
import { smallLetters, withCase } from './letter-case';
import { parsePattern, patternKind, patternSpans } from './pattern';

/** What the search needs of an atom (StrokeAtom, ImageAtom): a key that changes with its ink, and its box. */
export interface LineAtom {
  readonly key: string;
  readonly box: Box;
}

/** A run of consecutive atoms that might be one character. */
export interface Candidate<A extends LineAtom> {
  readonly atoms: readonly A[];
  readonly box: Box;
  /** The atoms' keys joined: equal ink, equal key (the cache key of line-reader.ts). */
  readonly key: string;
}

/** Candidate → probabilities over `classes` (the model's softmax); may return a reused buffer. */
export type Classify<A extends LineAtom> = (candidate: Candidate<A>) => ArrayLike<number>;

export interface ReadLineOptions {
  /** The classifier's class names, in its output order ('0'…'9', 'A'…'Z'). */
  readonly classes: readonly string[];
  /** default 'mixed' */
  readonly kind?: LineKind;
  /** K: the most atoms one character may span (default MAX_MERGE). */
  readonly maxMerge?: number;
  readonly geometry?: GeometryPriorOptions;
  /**
   * A mixed line's kinds: the cost of a change between digit and letter along the line (kind-
   * sequence.ts; KIND_SWITCH is the best tried), or null (the default, the better on the validation
   * donor's codes) for the neighbour lean: each character leans to its two neighbours' shared kind.
   */
  readonly kindSwitch?: number | null;
  /** A mixed line's prior for digits against letters (default DIGIT_BIAS; 1 = the model's own). */
  readonly digitBias?: number;
  /**
   * A mixed line's pattern, when known (pattern.ts: A letter, 0 digit, ? either): exactly that many
   * characters, each inside its kind. Ignored when the line has fewer atoms than the pattern.
   */
  readonly pattern?: string;
}

export interface Alternative {
  readonly text: string;
  readonly probability: number;
}

export interface LineCharacter {
  readonly text: string;
  /** The probability of `text`'s class, after the line's kind and neighbours. */
  readonly confidence: number;
  /** The three most probable readings, best first (the first is `text`). */
  readonly alternatives: readonly Alternative[];
  readonly box: Box;
  /** The keys of the atoms it spans. */
  readonly atoms: readonly string[];
}

export interface LineReading {
  readonly text: string;
  readonly characters: readonly LineCharacter[];
}

/** K when the caller names none: the most atoms one character may span. */
export const MAX_MERGE = 3;

/** Keeps log finite for a class the model rules out entirely. */
const FLOOR = 1e-9;

export function readLine<A extends LineAtom>(
  atoms: readonly A[],
  classify: Classify<A>,
  options: ReadLineOptions,
): LineReading {
  const { classes } = options;
  const kind = options.kind ?? 'mixed';
  const K = Math.max(1, options.maxMerge ?? MAX_MERGE);
  const n = atoms.length;
  if (n === 0) return { text: '', characters: [] };
  const geometry = lineGeometry(atoms.map((a) => a.box));

  const best = new Float64Array(n + 1).fill(-Infinity);
  const from = new Int32Array(n + 1);
  const probsOf = new Map<string, Float64Array>();
  const priorOf = new Map<string, number>();
  best[0] = 0;
  for (let j = 1; j <= n; j++) {
    for (let k = 1; k <= Math.min(K, j); k++) {
      const run = atoms.slice(j - k, j);
      const candidate = candidateOf(run);
      const raw = classify(candidate);
      if (raw.length !== classes.length) {
        throw new Error(
          `readLine: the classifier gave ${raw.length} probabilities for ${classes.length} classes`,
        );
      }
      const probs =
        kind === 'mixed'
          ? weightDigits(Float64Array.from(raw), classes, options.digitBias ?? DIGIT_BIAS)
          : restrictToKind(raw, classes, kind);
      probsOf.set(`${j - k}:${j}`, probs);
      const prior = geometryPrior(
        run.map((a) => a.box),
        geometry,
        options.geometry,
      );
      priorOf.set(`${j - k}:${j}`, prior);
      const score = best[j - k] + Math.log(Math.max(probs[argmax(probs)], FLOOR)) + prior;
      if (score > best[j]) {
        best[j] = score;
        from[j] = j - k;
      }
    }
  }

  let spans: [number, number][] = [];
  for (let j = n; j > 0; j = from[j]) spans.unshift([from[j], j]);
  let probs = spans.map(([i, j]) => probsOf.get(`${i}:${j}`)!);
  const kindSwitch = options.kindSwitch ?? null;
  const pattern = kind === 'mixed' && options.pattern ? parsePattern(options.pattern) : null;
  const inKind = (i: number, j: number, c: number) =>
    restrictToKind(probsOf.get(`${i}:${j}`)!, classes, patternKind(pattern![c]));
  const fitted =
    pattern &&
    patternSpans(n, pattern.length, K, (i, j, c) => {
      const p = inKind(i, j, c);
      return Math.log(Math.max(p[argmax(p)], FLOOR)) + priorOf.get(`${i}:${j}`)!;
    });
  if (fitted) {
    spans = fitted;
    probs = spans.map(([i, j], c) => inKind(i, j, c));
  } else if (kind === 'mixed' && kindSwitch !== null) {
    probs = kindWeights(probs, classes, kindSwitch);
  } else if (kind === 'mixed') {
    // Neighbours as the model read them first, so the rule cannot feed on its own output.
    const first = probs.map((p) => classes[argmax(p)]);
    probs = probs.map((p, i) => leanTowardsNeighbours(p, classes, first[i - 1], first[i + 1]));
  }
  const boxes = spans.map(([i, j]) => unionBoxes(atoms.slice(i, j).map((a) => a.box)));
  const small = smallLetters(boxes);
  const characters = spans.map(([i, j], c): LineCharacter => {
    const order = [...probs[c].keys()].sort((a, b) => probs[c][b] - probs[c][a]).slice(0, 3);
    const alternatives = order.map((k) => ({
      text: withCase(classes[k], small[c]),
      probability: probs[c][k],
    }));
    return {
      text: alternatives[0].text,
      confidence: alternatives[0].probability,
      alternatives,
      box: boxes[c],
      atoms: atoms.slice(i, j).map((a) => a.key),
    };
  });
  return { text: characters.map((c) => c.text).join(''), characters };
}

export function candidateOf<A extends LineAtom>(atoms: readonly A[]): Candidate<A> {
  return { atoms, box: unionBoxes(atoms.map((a) => a.box)), key: atoms.map((a) => a.key).join('|') };
}
