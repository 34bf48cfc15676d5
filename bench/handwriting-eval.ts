// Scoring helpers for the handwriting bench: batched logits and top-1 classes, rows picked by a key
// (class, donor), accuracy broken down by a key or a numeric property (slant, aspect), and the most
// frequent confusions.

import { classOf, type Task, type UnipenSample } from '../datasets/handwriting/unipen';
import { TEST_DONORS } from '../datasets/handwriting/writers';
import type { Dataset } from '../engine/batch';
import { argmaxRow, type Predictor, predictLogits } from '../engine/metrics';

/**
 * The glyphs the bench measures a task on: those of the test donors only, whose writers no recipe
 * trains or calibrates on (never a training or validation donor).
 */
export function heldOutGlyphs(unipen: readonly UnipenSample[], task: Task): UnipenSample[] {
  return unipen.filter((s) => TEST_DONORS.includes(s.donor) && classOf(s.label, task) >= 0);
}

/** A model's logits for `count` inputs (784 values in [0, 1] each), and its top-1 class of each. */
export interface Scored {
  readonly logits: Float32Array;
  readonly pred: Int32Array;
  /** Columns of `logits`: the model's classes. */
  readonly cols: number;
}

export function score(model: Predictor, images: Float32Array, count: number): Scored {
  const data: Dataset = { images, labels: new Int32Array(count), sampleShape: [1, 28, 28] };
  const logits = predictLogits(model, data, 500);
  const cols = count > 0 ? logits.length / count : 0;
  const pred = Int32Array.from({ length: count }, (_, i) => argmaxRow(logits, i, cols));
  return { logits, pred, cols };
}

/** The rows `indices` of a [rows, cols] array, in that order. */
export function pickRows(values: Float32Array, cols: number, indices: readonly number[]): Float32Array {
  const out = new Float32Array(indices.length * cols);
  indices.forEach((r, i) => {
    out.set(values.subarray(r * cols, (r + 1) * cols), i * cols);
  });
  return out;
}

/** The indices of each key, keys sorted. */
export function indicesBy(keys: readonly string[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  keys.forEach((k, i) => {
    const list = m.get(k) ?? [];
    list.push(i);
    m.set(k, list);
  });
  return new Map([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

export interface Tally {
  correct: number;
  total: number;
}

export function rate(t: Tally | undefined): string {
  return t && t.total > 0 ? `${((100 * t.correct) / t.total).toFixed(1)} %` : '–';
}

/** Accuracy grouped by a key of each sample. */
export function groupBy(
  keys: readonly string[],
  truth: ArrayLike<number>,
  pred: ArrayLike<number>,
): Map<string, Tally> {
  const m = new Map<string, Tally>();
  keys.forEach((k, i) => {
    const t = m.get(k) ?? { correct: 0, total: 0 };
    t.total++;
    if (truth[i] === pred[i]) t.correct++;
    m.set(k, t);
  });
  return new Map([...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

/** The `n` most frequent (written label → predicted class) errors. */
export function topConfusions(
  written: readonly string[],
  truth: ArrayLike<number>,
  pred: ArrayLike<number>,
  classes: readonly string[],
  n: number,
): string[] {
  const m = new Map<string, number>();
  written.forEach((w, i) => {
    if (truth[i] === pred[i]) return;
    const k = `${w}→${classes[pred[i]]}`;
    m.set(k, (m.get(k) ?? 0) + 1);
  });
  return [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`);
}

/**
 * Slant and aspect of a glyph from its pen points (y down): slant is the shear of the second
 * moments, cov(x, y) / var(y) (MNIST deskewing's measure; > 0 leans right), aspect is width / height.
 */
export function shapeStats(strokes: readonly (readonly (readonly [number, number])[])[]): {
  slant: number;
  aspect: number;
} {
  let n = 0;
  let sx = 0;
  let sy = 0;
  let x0 = Infinity;
  let x1 = -Infinity;
  let y0 = Infinity;
  let y1 = -Infinity;
  for (const s of strokes)
    for (const [x, y] of s) {
      n++;
      sx += x;
      sy += y;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  const mx = sx / n;
  const my = sy / n;
  let cxy = 0;
  let cyy = 0;
  for (const s of strokes)
    for (const [x, y] of s) {
      cxy += (x - mx) * (y - my);
      cyy += (y - my) * (y - my);
    }
  // y grows downwards: a right lean has x decreasing as y grows, so flip the sign.
  return { slant: cyy > 0 ? -cxy / cyy : 0, aspect: y1 > y0 ? (x1 - x0) / (y1 - y0) : 10 };
}

/** A bin label for a value among ascending edges, e.g. bin(0.3, [-0.2, 0.2]) = '> 0.2'. */
export function bin(v: number, edges: readonly number[]): string {
  for (let i = 0; i < edges.length; i++)
    if (v < edges[i]) return i === 0 ? `< ${edges[0]}` : `${edges[i - 1]}…${edges[i]}`;
  return `≥ ${edges[edges.length - 1]}`;
}
