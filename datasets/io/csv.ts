// CSV datasets, one sample per line: a label, then 784 pixel values row by row (the Kaggle / pjreddie
// MNIST CSV layout), with or without a header line. Pixels 0–255 or 0–1 (detected over the whole file
// unless told). Parsing and formatting are pure; the file functions at the bottom use Node.

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { writeFileAtomic } from './atomic';
import { checkSet, indexLabels, type LabelledSet } from './labelled-set';

export interface CsvOptions {
  /** Allowed classes, in label order; another label is an error. Default: the labels found, sorted. */
  classes?: readonly string[];
  /** Whether the first line is a header (default 'auto': it is when its pixel fields are not numbers). */
  header?: boolean | 'auto';
  /** Pixel scale: 255 or 1 (default 'auto': 255 when any value exceeds 1). */
  scale?: 255 | 1 | 'auto';
  /** Name used in error messages. */
  name?: string;
}

export function parseCsv(text: string, options: CsvOptions = {}): LabelledSet {
  const name = options.name ?? 'CSV';
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  let first = 0;
  const header = options.header ?? 'auto';
  if (header === true || (header === 'auto' && lines.length > 0 && isHeader(lines[0]))) first = 1;
  const rows = lines.length - first;
  const names: string[] = [];
  const images = new Float32Array(Math.max(rows, 0) * 784);
  let max = 0;
  for (let r = 0; r < rows; r++) {
    const lineNo = first + r + 1;
    const [label, fields] = splitRow(lines[first + r]);
    if (fields.length !== 785) {
      throw new Error(
        `${name} line ${lineNo}: ${fields.length} fields, expected 785 (a label and 784 pixels)`,
      );
    }
    names.push(label);
    for (let p = 0; p < 784; p++) {
      const v = Number(fields[p + 1]);
      if (fields[p + 1].trim() === '' || !Number.isFinite(v) || v < 0) {
        throw new Error(
          `${name} line ${lineNo}, pixel ${p}: "${fields[p + 1]}" is not a non-negative number`,
        );
      }
      if (v > max) max = v;
      images[r * 784 + p] = v;
    }
  }
  const scale = options.scale === undefined || options.scale === 'auto' ? (max > 1 ? 255 : 1) : options.scale;
  if (max > scale) throw new Error(`${name}: pixel value ${max} exceeds the scale ${scale}`);
  if (scale !== 1) for (let i = 0; i < images.length; i++) images[i] /= scale;
  const { labels, classes } = indexLabels(names, options.classes, (i) => `${name} line ${first + i + 1}`);
  return { images, labels, classes };
}

/** The label (first field, possibly quoted) and all the fields, the label's included. */
function splitRow(line: string): [string, string[]] {
  const t = line.trimStart();
  if (!t.startsWith('"')) {
    const fields = line.split(',');
    return [fields[0].trim(), fields];
  }
  let i = 1;
  let label = '';
  while (i < t.length) {
    if (t[i] === '"' && t[i + 1] === '"') {
      label += '"';
      i += 2;
    } else if (t[i] === '"') {
      break;
    } else {
      label += t[i++];
    }
  }
  const rest = t.slice(i + 1);
  const pixels = rest.startsWith(',') ? rest.slice(1).split(',') : [];
  return [label, [label, ...pixels]];
}

function isHeader(line: string): boolean {
  const [, fields] = splitRow(line);
  return fields.slice(1).some((f) => f.trim() === '' || !Number.isFinite(Number(f)));
}

function quote(label: string): string {
  return /[",\r\n]/.test(label) || label.trim() !== label ? `"${label.replace(/"/g, '""')}"` : label;
}

/** Format a set as CSV: `label,pixel0,…,pixel783` header, then one line per sample with pixels 0–255. */
export function formatCsv(set: LabelledSet, options: { header?: boolean } = {}): string {
  const count = checkSet(set);
  const parts: string[] = [];
  if (options.header ?? true)
    parts.push(`label,${Array.from({ length: 784 }, (_, i) => `pixel${i}`).join(',')}`);
  const row = new Array<number>(784);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < 784; p++)
      row[p] = Math.round(Math.min(Math.max(set.images[i * 784 + p], 0), 1) * 255);
    parts.push(`${quote(set.classes[set.labels[i]])},${row.join(',')}`);
  }
  return `${parts.join('\n')}\n`;
}

export async function readCsvFile(path: string, options: CsvOptions = {}): Promise<LabelledSet> {
  return parseCsv(await readFile(path, 'utf8'), { name: basename(path), ...options });
}

export async function writeCsvFile(
  path: string,
  set: LabelledSet,
  options: { header?: boolean } = {},
): Promise<void> {
  await writeFileAtomic(path, formatCsv(set, options));
}
