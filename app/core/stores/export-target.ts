// Where an export goes, seen from the core: a path the user chose, checked, and turned into a folder
// that is either new or an earlier export of the same kind (datasets/io/export-folder.ts), with
// one-line CoreErrors. Exports note themselves in `<userDataDir>/pending-exports` while they run,
// so a start-up after a kill can finish the swap (datasets/io/atomic.ts `sweepJournal`).

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { chooseExportDir, type ExportKind } from '../../../datasets/io/export-folder';
import { CoreError, messageOf } from '../../shared/errors';

/** The journal folder of exports in progress, swept by `createCore`. */
export function pendingExportsDir(userDataDir: string): string {
  return path.join(userDataDir, 'pending-exports');
}

/**
 * The folder an export of `kind` aimed at `target` writes: `target` itself when it is new or an
 * earlier export, else a new sub-folder `name` (or `name (2)`, …) inside it. `what` names the export
 * in the error for a file ("a native export").
 */
export async function exportFolder(
  target: string,
  kind: ExportKind,
  name: string,
  what: string,
): Promise<string> {
  const resolved = path.resolve(target);
  const stat = await fs.stat(resolved).catch(() => null);
  if (stat && !stat.isDirectory())
    throw new CoreError('invalid', `${target} is a file; give a folder for ${what}`);
  try {
    return await chooseExportDir(resolved, kind, name);
  } catch (error) {
    throw new CoreError('io', messageOf(error));
  }
}
