// Scoring helpers for the handwriting bench: batched prediction, accuracy broken down by class, by
// donor and by a numeric property (slant, aspect), and the most frequent confusions.

import type { Sequential } from '../engine/index';
import { tensor } from '../engine/tensor';
import { isNotSure } from '../renderer/inference/prediction';

/** Top-1 class of each of `count` inputs ([count, …model.inputShape], e.g. 784 values in [0, 1] each). */
export function predictAll(model: Sequential, inputs: Float32Array, count: number, batch = 500): Int32Array {
  return predictWithConfidence(model, inputs, count, batch).pred;
}

/**
 * Top-1 class of each input, and whether the Draw screen would show it as an answer rather than
 * "Not sure" (isNotSure of renderer/inference/prediction.ts on the top two probabilities).
 */
export function predictWithConfidence(
  model: Sequential,
  inputs: Float32Array,
  count: number,
  batch = 500,
): { pred: Int32Array; sure: Uint8Array } {
  const pred = new Int32Array(count);
  const sure = new Uint8Array(count);
  const size = model.inputShape.reduce((a, b) => a * b, 1);
  for (let s = 0; s < count; s += batch) {
    const n = Math.min(batch, count - s);
    const x = tensor([n, ...model.inputShape], inputs.subarray(s * size, (s + n) * size));
    const y = model.forward(x, { training: false }).data;
    const c = y.length / n;
    for (let r = 0; r < n; r++) {
      const o = r * c;
      let best = 0;
      for (let k = 1; k < c; k++) if (y[o + k] > y[o + best]) best = k;
      let sum = 0;
      let second = 0;
      for (let k = 0; k < c; k++) {
        const e = Math.exp(y[o + k] - y[o + best]);
        sum += e;
        if (k !== best && e > second) second = e;
      }
      pred[s + r] = best;
      sure[s + r] = isNotSure(1 / sum, second / sum) ? 0 : 1;
    }
  }
  return { pred, sure };
}

/** The share of glyphs shown as an answer, and how many of those are right. */
export function sureRate(
  truth: Int32Array,
  pred: Int32Array,
  sure: Uint8Array,
): { shown: number; right: number } {
  let shown = 0;
  let right = 0;
  for (let i = 0; i < truth.length; i++) {
    if (!sure[i]) continue;
    shown++;
    if (pred[i] === truth[i]) right++;
  }
  return { shown: shown / truth.length, right: shown > 0 ? right / shown : 0 };
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
