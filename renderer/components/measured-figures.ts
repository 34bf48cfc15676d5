// How a measured figure is said, by how many images stand behind it: below MIN_MEASURED a
// percentage oversells (2 held-out samples are "0 % → 100 %"), so the counts are shown instead,
// with a note that they are too few to measure accuracy.

import type { AlsoTested, BeforeAfter, ModelMetrics } from '../../app/shared/types';
import { formatAccuracy } from '../inference/prediction';

/** Fewer images than this give no accuracy figure, only counts. */
export const MIN_MEASURED = 50;

export function tooFewToMeasure(count: number): boolean {
  return count < MIN_MEASURED;
}

/** How many of `count` images a fraction right stands for (the fraction came from those counts). */
export function rightOf(fraction: number, count: number): number {
  return Math.round(fraction * count);
}

export interface BeforeAfterText {
  before: string;
  after: string;
  change: string;
  /** Said beside small counts: why there is no percentage. */
  note?: string;
}

/** The cells of a before/after row: percentages and points, or counts and a note when they are few. */
export function beforeAfterText(b: BeforeAfter): BeforeAfterText {
  if (tooFewToMeasure(b.count)) {
    const before = rightOf(b.before, b.count);
    const after = rightOf(b.after, b.count);
    const d = after - before;
    return {
      before: `${before} of ${b.count}`,
      after: `${after} of ${b.count}`,
      change: `${d >= 0 ? '+' : '−'}${Math.abs(d)} right`,
      note: `${b.count === 1 ? '1 image' : `${b.count} images`}: too few to measure accuracy (at least ${MIN_MEASURED} needed).`,
    };
  }
  const delta = (b.after - b.before) * 100;
  return {
    before: formatAccuracy(b.before),
    after: formatAccuracy(b.after),
    change: `${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(1)} pt`,
  };
}

/** "0 of 2 → 2 of 2 right; too few to measure accuracy" or "91.2% → 95.0%". */
export function beforeAfterSentence(b: BeforeAfter): string {
  const t = beforeAfterText(b);
  return t.note
    ? `${t.before} → ${t.after} right; too few to measure accuracy`
    : `${t.before} → ${t.after} (${t.change})`;
}

/**
 * How many test images a model's figure stands on, read from `evaluatedOn` ("mnist test split,
 * 10,000 images", as the core writes it); undefined when it does not say.
 */
export function evaluatedCount(metrics: ModelMetrics): number | undefined {
  const m = /([\d,]+) images?\b/.exec(metrics.evaluatedOn ?? '');
  return m ? Number(m[1]!.replaceAll(',', '')) : undefined;
}

/** A model's test figure for a table: "98.9%", or "2 of 2" when too few images stand behind it. */
export function testFigure(metrics: ModelMetrics): { text: string; note?: string } {
  if (metrics.testAccuracy === undefined) return { text: '—' };
  const count = evaluatedCount(metrics);
  if (count !== undefined && tooFewToMeasure(count))
    return {
      text: `${rightOf(metrics.testAccuracy, count)} of ${count}`,
      note: `${count === 1 ? '1 test image' : `${count} test images`}: too few to measure accuracy`,
    };
  return { text: formatAccuracy(metrics.testAccuracy) };
}

/**
 * A figure beside the headline test, short for a table cell: "99.1% on pen-digits test" (or
 * "9 of 10 on …" when few), with the set's full description for a tooltip.
 */
export function alsoTestedFigure(t: AlsoTested): { text: string; title: string } {
  const on = `on ${t.datasetId} ${t.split}`;
  const figure = tooFewToMeasure(t.count)
    ? `${rightOf(t.accuracy, t.count)} of ${t.count}`
    : formatAccuracy(t.accuracy);
  return { text: `${figure} ${on}`, title: `${t.label}, ${t.count.toLocaleString('en')} images` };
}
