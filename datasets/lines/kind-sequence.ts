// The kind as a sequence. Codes come in runs (AB 12 CDE, 1 ABC 234): a character's kind — digit or
// letter — is decided with the whole line, by a two-state Viterbi over the characters: each scores
// log P(kind) (the sum of its digit or its letter probabilities), and every change of kind between
// neighbours costs `switchCost` (in nats). A lone 0 between letters then reads O unless the model is
// sure of it, and a run like 12 keeps both digits together. The decision is soft (kindWeights): a
// character's other kind is weighted down by the switches it would add, so a sure reading still wins
// and the other kind stays among the alternatives (a 0 can be corrected to O).

import { isDigit, isLetter, weightKind } from './context';

export type CharacterKind = 'digit' | 'letter';

/**
 * The switch cost that did best on the validation donor's codes (0.5). readLine does not use the
 * sequence unless asked (ReadLineOptions.kindSwitch): on those lines the neighbour lean did better
 * (docs/experiments/2026-12-05-line-specialists.md).
 */
export const KIND_SWITCH = 0.5;

const FLOOR = 1e-9;

/** The most probable kinds along the line: one per character (probabilities over `classes`). */
export function kindSequence(
  probs: readonly ArrayLike<number>[],
  classes: readonly string[],
  switchCost = KIND_SWITCH,
): CharacterKind[] {
  const kinds: CharacterKind[] = ['digit', 'letter'];
  const logs = probs.map((p) => {
    let d = 0;
    let l = 0;
    for (let k = 0; k < classes.length; k++) {
      if (isDigit(classes[k])) d += p[k];
      else if (isLetter(classes[k])) l += p[k];
    }
    return [Math.log(Math.max(d, FLOOR)), Math.log(Math.max(l, FLOOR))];
  });
  const n = logs.length;
  if (n === 0) return [];
  const score = [logs[0][0], logs[0][1]];
  const back: number[][] = [];
  for (let i = 1; i < n; i++) {
    const from = [0, 1].map((s) => (score[s] >= score[1 - s] - switchCost ? s : 1 - s));
    const next = [0, 1].map((s) => score[from[s]] - (from[s] === s ? 0 : switchCost) + logs[i][s]);
    back.push(from);
    score[0] = next[0];
    score[1] = next[1];
  }
  let s = score[0] >= score[1] ? 0 : 1;
  const path = [s];
  for (let i = n - 2; i >= 0; i--) {
    s = back[i][s];
    path.unshift(s);
  }
  return path.map((k) => kinds[k]);
}

/**
 * Each character's probabilities with the other kind's classes weighted by e^(−switchCost · Δ), Δ
 * the switches that reading would add between its neighbours' chosen kinds (fresh arrays).
 */
export function kindWeights(
  probs: readonly ArrayLike<number>[],
  classes: readonly string[],
  switchCost = KIND_SWITCH,
): Float64Array[] {
  const kinds = kindSequence(probs, classes, switchCost);
  return probs.map((p, i) => {
    const switches = (k: CharacterKind) =>
      (i > 0 && kinds[i - 1] !== k ? 1 : 0) + (i + 1 < kinds.length && kinds[i + 1] !== k ? 1 : 0);
    const other: CharacterKind = kinds[i] === 'digit' ? 'letter' : 'digit';
    const factor = Math.exp(-switchCost * (switches(other) - switches(kinds[i])));
    return weightKind(p, classes, other === 'digit' ? isDigit : isLetter, factor);
  });
}
