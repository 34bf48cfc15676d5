// Compare's rules, DOM-free: which two models it opens on, and how a difference is said.

import type { ModelSummary } from '../../../app/shared/types';

/**
 * The pair Compare opens on: two models of the same task, so its button works at once. The first
 * model (in list order: built-ins, then the newest of yours) that shares its dataset with another
 * is A, the next of that dataset is B. No such pair: the first two models (the button explains).
 */
export function defaultPair(models: readonly ModelSummary[]): [string, string] {
  for (const [i, a] of models.entries()) {
    const b = models.slice(i + 1).find((m) => m.datasetId === a.datasetId);
    if (b) return [a.id, b.id];
  }
  return [models[0]?.id ?? '', models[1]?.id ?? ''];
}

/** Whether any two models share a task (dataset): only then can Compare run. */
export function hasSameTaskPair(models: readonly ModelSummary[]): boolean {
  return new Set(models.map((m) => m.datasetId)).size < models.length;
}

export interface DeltaCell {
  /** "▲ +2.4 pts", "▼ −1.0 pts", "±0.0 pts": the arrow is the cue that does not rely on colour. */
  text: string;
  tone: 'better' | 'worse' | 'same';
  /** For screen readers: "B is 2.4 points better than A". */
  label: string;
}

/** B − A of two fractions, in percentage points, with its direction in words, arrow and tone. */
export function deltaCell(a: number, b: number): DeltaCell {
  const pts = (b - a) * 100;
  const shown = Math.abs(pts).toFixed(1);
  if (shown === '0.0') return { text: '±0.0 pts', tone: 'same', label: 'B is the same as A' };
  if (pts > 0)
    return { text: `▲ +${shown} pts`, tone: 'better', label: `B is ${shown} points better than A` };
  return { text: `▼ −${shown} pts`, tone: 'worse', label: `B is ${shown} points worse than A` };
}
