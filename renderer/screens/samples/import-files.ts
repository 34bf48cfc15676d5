// What the Samples screen's Import… (and a drop) makes of the files chosen: image files become
// samples of the class picked, one CSV file or an IDX images + labels pair is a whole labelled set.
// Pure, so the choice and the notice it ends in are tested without a window.

import type { ImportReport } from '../../../app/shared/types';

export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'bmp', 'webp', 'gif'];
/** What the open dialog lists: images, CSV, and IDX files as we export them or MNIST ships them. */
export const IMPORT_EXTENSIONS = [...IMAGE_EXTENSIONS, 'csv', 'idx', 'gz', 'ubyte', 'json'];

export type ImportPlan =
  | { kind: 'images' }
  | { kind: 'set'; format: 'csv' | 'idx' }
  | { kind: 'refused'; reason: string };

const extension = (name: string) => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
const isImage = (name: string) => IMAGE_EXTENSIONS.includes(extension(name));
const baseName = (file: string) => file.split(/[/\\]/).pop() ?? file;

/** How to import the files named `names` (as the dialog or the drop gave them). */
export function importPlan(names: readonly string[]): ImportPlan {
  if (names.length > 0 && names.every(isImage)) return { kind: 'images' };
  const csv = names.filter((n) => extension(n) === 'csv');
  if (csv.length === 1 && names.length === 1) return { kind: 'set', format: 'csv' };
  // An IDX pair, with the classes.json of an export of ours when it is chosen too (main reads only
  // the files chosen).
  const idx = names.filter((n) => baseName(n) !== 'classes.json');
  if (idx.length === 2 && names.length - idx.length <= 1 && csv.length === 0 && !names.some(isImage))
    return { kind: 'set', format: 'idx' };
  return {
    kind: 'refused',
    reason:
      'Choose image files, one CSV file, or an IDX pair (the images file and the labels file, and its classes.json if it has one), not a mix.',
  };
}

/** At most this many skipped files are named in a notice; the rest are counted. */
const NAMED_SKIPS = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The notice an import ends with: how many came in, and which files were skipped and why. */
export function importNotice(
  report: ImportReport,
  from?: string,
): { kind: 'success' | 'error'; text: string } {
  const what = from ? `${plural(report.imported, 'sample')} from ${from}` : plural(report.imported, 'image');
  const skipped = report.rejected;
  if (skipped.length === 0) return { kind: 'success', text: `Imported ${what}.` };
  const named = skipped
    .slice(0, NAMED_SKIPS)
    .map((r) => `${baseName(r.file)} (${r.reason})`)
    .join('; ');
  const more = skipped.length > NAMED_SKIPS ? `; and ${skipped.length - NAMED_SKIPS} more` : '';
  return { kind: 'error', text: `Imported ${what}; skipped ${skipped.length}: ${named}${more}.` };
}
