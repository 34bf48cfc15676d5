// Output helpers: numbers from flags (usage errors when malformed), JSON, tables, confusion matrices.

import type { Evaluation } from '../shared/types';
import { UsageError } from './usage';

export function numberFlag(
  value: string | undefined,
  name: string,
  fallback: number,
  check: (n: number) => boolean = Number.isFinite,
): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() === '' || !check(n))
    throw new UsageError(`--${name}: ${JSON.stringify(value)} is not a valid value`);
  return n;
}

export const isPositiveInt = (n: number) => Number.isInteger(n) && n > 0;

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** A `list` command's answer: the items as JSON, or a table of one row each under `header`. */
export function printList<T>(json: boolean, items: T[], header: string[], row: (item: T) => string[]): void {
  if (json) printJson(items);
  else process.stdout.write(`${table([header, ...items.map(row)])}\n`);
}

export function percent(x: number): string {
  return `${(x * 100).toFixed(2)}%`;
}

export function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  return rows.map((r) => r.map((cell, c) => cell.padStart(widths[c]!)).join('  ')).join('\n');
}

/** The human-readable evaluation: accuracy, per-class table, confusion matrix. */
export function formatEvaluation(e: Evaluation): string {
  const perClass = table([
    ['class', 'precision', 'recall', 'support'],
    ...e.perClass.map((c) => [c.label, percent(c.precision), percent(c.recall), String(c.support)]),
  ]);
  const labels = e.perClass.map((c) => c.label);
  const confusion = table([
    ['true\\pred', ...labels],
    ...e.confusion.map((row, i) => [labels[i] ?? String(i), ...row.map(String)]),
  ]);
  return [
    `accuracy ${percent(e.accuracy)} on ${e.count} images (${e.datasetId} ${e.split}), loss ${e.loss.toFixed(4)}`,
    '',
    perClass,
    '',
    'confusion matrix (rows: true class, columns: predicted)',
    confusion,
  ].join('\n');
}

/** Per-class figures for JSON output. */
export function perClassJson(e: Evaluation) {
  return Object.fromEntries(
    e.perClass.map((c) => [c.label, { precision: c.precision, recall: c.recall, support: c.support }]),
  );
}
