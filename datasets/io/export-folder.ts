// Export folders (Node only): a folder Glyph Lab writes for other tools (a model, an image set) and
// may later replace with a newer export, but only if it is still exactly what Glyph Lab wrote. Every
// export carries a marker, `.glyph-lab-export.json`, naming its kind and every file written with its
// size; a folder is recognized as an earlier export by that marker alone, and only while it holds
// nothing beyond what the marker lists. Anything else is the user's and is never replaced.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type DirContent, exists, fillDir, sweepTemps, type WriteDirOptions, writeDirAtomic } from './atomic';

export const EXPORT_MARKER = '.glyph-lab-export.json';
const MARKER_FORMAT = 'glyph-lab-export';
const MARKER_VERSION = 1;

/** What an export is: `model` (a native model folder) or `dataset` (an image folder). */
export type ExportKind = 'model' | 'dataset';

export interface ExportMarker {
  format: typeof MARKER_FORMAT;
  version: typeof MARKER_VERSION;
  kind: ExportKind;
  /** Every file written, relative to the export folder ('/'-separated), with its size in bytes. */
  files: { path: string; bytes: number }[];
}

/** Every file under `dir` as '/'-separated relative paths with sizes; null if it holds anything but files and folders. */
async function listFiles(dir: string, prefix = ''): Promise<Map<string, number> | null> {
  const out = new Map<string, number>();
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const rel = prefix + entry.name;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = await listFiles(full, `${rel}/`);
      if (!inner) return null;
      for (const [p, bytes] of inner) out.set(p, bytes);
      // An empty folder is recorded as itself, so it is not mistaken for one the user added.
      if (inner.size === 0) out.set(`${rel}/`, 0);
    } else if (entry.isFile()) out.set(rel, (await fs.stat(full)).size);
    else return null; // a link, a socket: not something an export writes
  }
  return out;
}

async function readMarker(dir: string): Promise<ExportMarker | null> {
  try {
    const m = JSON.parse(await fs.readFile(path.join(dir, EXPORT_MARKER), 'utf8')) as Partial<ExportMarker>;
    const ok =
      m.format === MARKER_FORMAT &&
      m.version === MARKER_VERSION &&
      Array.isArray(m.files) &&
      m.files.every((f) => typeof f?.path === 'string' && typeof f.bytes === 'number');
    return ok ? (m as ExportMarker) : null;
  } catch {
    return null;
  }
}

/**
 * Whether `dir` is an earlier export of `kind`: a real folder whose marker is ours and lists every
 * file in it with its current size (files it lists may be missing; nothing may be extra or changed).
 */
export async function isOurExport(dir: string, kind: ExportKind): Promise<boolean> {
  const stat = await fs.lstat(dir).catch(() => null);
  if (!stat?.isDirectory()) return false;
  const marker = await readMarker(dir);
  if (marker?.kind !== kind) return false;
  const listed = new Map(marker.files.map((f) => [f.path, f.bytes]));
  const found = await listFiles(dir).catch(() => null);
  if (!found) return false;
  found.delete(EXPORT_MARKER);
  for (const [p, bytes] of found) if (listed.get(p) !== bytes) return false;
  return true;
}

/**
 * Where an export of `kind` aimed at `target` goes. A missing `target`, or an earlier export of the
 * same kind, is used as it is. Any other folder (say ~/Documents, or a project folder) gets the
 * export in a sub-folder `name` inside it; when that name is taken by something not ours, the first
 * free or ours of `name (2)`, `name (3)`, … `target` must not be a file (callers say so first).
 */
export async function chooseExportDir(target: string, kind: ExportKind, name: string): Promise<string> {
  if (!(await fs.lstat(target).catch(() => null))) return target;
  if (await isOurExport(target, kind)) return target;
  for (let n = 1; n <= 999; n++) {
    const candidate = path.join(target, n === 1 ? name : `${name} (${n})`);
    if (!(await fs.lstat(candidate).catch(() => null))) return candidate;
    if (await isOurExport(candidate, kind)) return candidate;
  }
  throw new Error(`${target} already holds ${name} up to ${name} (999); choose another folder`);
}

/**
 * Write an export of `kind` to `dir` whole (old-or-new, see atomic.ts), with its marker. `dir` must be
 * missing or an earlier export of the same kind (`chooseExportDir` finds one); otherwise this throws
 * and writes nothing. Leftovers of interrupted writes beside `dir` are swept first.
 */
export async function writeExportDir(
  dir: string,
  kind: ExportKind,
  content: DirContent,
  options: WriteDirOptions = {},
): Promise<void> {
  await sweepTemps(path.dirname(dir), { spareRunning: true });
  if ((await exists(dir)) && !(await isOurExport(dir, kind)))
    throw new Error(`${dir} holds files Glyph Lab did not write; it will not be replaced`);
  await writeDirAtomic(
    dir,
    async (staged) => {
      await fillDir(staged, content);
      const files = await listFiles(staged);
      if (!files) throw new Error(`${dir}: an export may hold only files and folders`);
      const marker: ExportMarker = {
        format: MARKER_FORMAT,
        version: MARKER_VERSION,
        kind,
        files: [...files].map(([p, bytes]) => ({ path: p, bytes })),
      };
      await fillDir(staged, { [EXPORT_MARKER]: `${JSON.stringify(marker, null, 1)}\n` });
    },
    options,
  );
}
