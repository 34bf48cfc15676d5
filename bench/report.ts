// docs/benchmarks.md holds the current figures only. Each bench script owns sections of it, marked
// `<!-- bench:<id>:start -->` … `<!-- bench:<id>:end -->`, and a run replaces its sections in place
// (the command, the date, the load average, then its tables) instead of appending history. The
// prose around the markers is written by hand; the history of experiments lives in docs/experiments/.

import { readFile } from 'node:fs/promises';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../datasets/io/atomic';

export const BENCHMARKS_MD = fileURLToPath(new URL('../docs/benchmarks.md', import.meta.url));

/** Passed to any bench script: print the figures, leave docs/benchmarks.md alone. */
export const NO_DOCS_FLAG = '--no-docs';

/** What a section's first line records about the run that produced it. */
export interface RunStart {
  /** As typed, e.g. `npx tsx bench/engine-bench.ts --samples 6000`. */
  readonly command: string;
  readonly date: Date;
  /** CPU model × cores, Node version. */
  readonly machine: string;
  /** 1-minute load average when the run started (the machine is shared). */
  readonly load: number;
}

export function runStart(script: string, args: readonly string[] = process.argv.slice(2)): RunStart {
  const shown = args.filter((a) => a !== NO_DOCS_FLAG);
  return {
    command: ['npx tsx', script, ...shown].join(' '),
    date: new Date(),
    machine: `${os.cpus()[0]?.model.trim() ?? 'unknown CPU'} × ${os.availableParallelism()}, Node ${process.version}`,
    load: os.loadavg()[0]!,
  };
}

/** `2026-11-24 20:02 UTC` */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The line that heads a generated section. */
export function runLine(start: RunStart, loadAtEnd: number): string {
  return (
    `\`${start.command}\` · ${formatDate(start.date)} · load average ${start.load.toFixed(2)} → ` +
    `${loadAtEnd.toFixed(2)} · ${start.machine}`
  );
}

const markers = (id: string) => [`<!-- bench:${id}:start -->`, `<!-- bench:${id}:end -->`] as const;

function count(text: string, part: string): number {
  return text.split(part).length - 1;
}

/** `doc` with the content between section `id`'s markers replaced; throws if they are not there once. */
export function replaceSection(doc: string, id: string, content: string): string {
  const [start, end] = markers(id);
  if (count(doc, start) !== 1 || count(doc, end) !== 1) {
    throw new Error(
      `docs/benchmarks.md needs exactly one "${start}" and one "${end}" (found ${count(doc, start)} and ${count(doc, end)})`,
    );
  }
  const from = doc.indexOf(start) + start.length;
  const to = doc.indexOf(end);
  if (to < from) throw new Error(`docs/benchmarks.md: "${end}" comes before "${start}"`);
  return `${doc.slice(0, from)}\n${content.trim()}\n${doc.slice(to)}`;
}

/** Whether `doc` has a start or an end marker of section `id`. */
export function hasSection(doc: string, id: string): boolean {
  return markers(id).some((m) => doc.includes(m));
}

/** The ids of every marked section of `doc`, in order. */
export function sectionIds(doc: string): string[] {
  return [...doc.matchAll(/<!-- bench:([\w-]+):start -->/g)].map((m) => m[1]!);
}

/**
 * Replace section `id` of docs/benchmarks.md (or `file`) with the run line and `body` (markdown).
 * Nothing is written when `args` hold `--no-docs`, or when the page has no such section (a preset or
 * a configuration the page does not show: said on the console). Returns whether the file was written.
 */
export async function writeSection(
  id: string,
  start: RunStart,
  body: string,
  { file = BENCHMARKS_MD, args = process.argv.slice(2) }: { file?: string; args?: readonly string[] } = {},
): Promise<boolean> {
  if (args.includes(NO_DOCS_FLAG)) return false;
  const doc = await readFile(file, 'utf8');
  if (!hasSection(doc, id)) {
    keepSection(
      id,
      `the page has no such section; add "${markers(id)[0]}" and "${markers(id)[1]}" where it belongs`,
    );
    return false;
  }
  const content = `${runLine(start, os.loadavg()[0]!)}\n\n${body.trim()}`;
  await writeFileAtomic(file, replaceSection(doc, id, content));
  console.log(`(${file}: section "${id}" refreshed)`);
  return true;
}

/**
 * One row of a table that several runs share (one row per preset, say): the row whose first cell is
 * `cells[0]` is replaced, or added at the end, and its last cell says which run measured it (the
 * command, the date, the load average at both ends). `header` is the table's two header lines, the
 * last column included. Written like writeSection (nothing with --no-docs or without the section).
 */
export async function writeRow(
  id: string,
  start: RunStart,
  header: readonly [string, string],
  cells: readonly string[],
  { file = BENCHMARKS_MD, args = process.argv.slice(2) }: { file?: string; args?: readonly string[] } = {},
): Promise<boolean> {
  if (args.includes(NO_DOCS_FLAG)) return false;
  const doc = await readFile(file, 'utf8');
  if (!hasSection(doc, id)) {
    keepSection(id, `the page has no such section; add "${markers(id)[0]}" and "${markers(id)[1]}"`);
    return false;
  }
  const [from, to] = markers(id);
  const old = doc.slice(doc.indexOf(from) + from.length, doc.indexOf(to));
  const key = `| ${cells[0]} |`;
  const when = `\`${start.command}\` · ${formatDate(start.date)} · load ${start.load.toFixed(1)} → ${os.loadavg()[0]!.toFixed(1)}`;
  const row = `| ${[...cells, when].join(' | ')} |`;
  const rows = old.split('\n').filter((line) => line.startsWith('|') && !header.includes(line));
  const at = rows.findIndex((line) => line.startsWith(key));
  if (at >= 0) rows[at] = row;
  else rows.push(row);
  await writeFileAtomic(file, replaceSection(doc, id, [...header, ...rows].join('\n')));
  console.log(`(${file}: section "${id}", row "${cells[0]}" refreshed)`);
  return true;
}

/** Say why a run leaves its section alone (a smoke run, another model than the one that ships, …). */
export function keepSection(id: string, why: string): void {
  console.log(`(docs/benchmarks.md: section "${id}" left as it is: ${why})`);
}
