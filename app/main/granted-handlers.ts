// The renderer-facing handlers: the core's, with file grants in place of paths. Dialogs answer with
// grants, the channels that read or write files take grants and hand the core the paths behind
// them, and the preload registers dropped files as read grants. Shared by main and the e2e host,
// so both check grants the same way; the CLI calls the core with its own paths.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { CoreHandlers } from '../core';
import { type Handlers, InvalidRequestError, type PreloadHandlers } from '../shared/api';
import type { GrantTable } from './grants';

type DialogInput<C extends 'dialog:openFiles' | 'dialog:saveFile'> = Parameters<Handlers[C]>[0];

/** What the person chose: absolute paths from a native dialog (or, in the e2e host, from the test). */
export interface Pickers {
  openFiles(input: DialogInput<'dialog:openFiles'>): Promise<string[]>;
  saveFile(input: DialogInput<'dialog:saveFile'>): Promise<string | null>;
}

export function grantedHandlers(core: CoreHandlers, pickers: Pickers, grants: GrantTable): Handlers {
  return {
    ...core,
    'dialog:openFiles': async (input) =>
      (await pickers.openFiles(input)).map((chosen) => grants.issue(chosen, 'read')),
    'dialog:saveFile': async (input) => {
      const chosen = await pickers.saveFile(input);
      return chosen ? grants.issue(chosen, 'write') : null;
    },
    'datasets:export': ({ id, format, grant }) =>
      core['datasets:export']({ id, format, path: one(grants, grant, 'write') }),
    'datasets:import': ({ id, format, grants: tokens }) =>
      core['datasets:import']({ id, format, paths: grants.take(tokens, 'read') }),
    'models:export': ({ id, format, grant }) =>
      core['models:export']({ id, format, path: one(grants, grant, 'write') }),
    'models:import': ({ grant }) => core['models:import']({ path: one(grants, grant, 'read') }),
    'samples:import': ({ datasetId, label, grants: tokens }) =>
      core['samples:import']({ datasetId, label, paths: grants.take(tokens, 'read') }),
  };
}

function one(grants: GrantTable, grant: string, access: 'read' | 'write'): string {
  return grants.take([grant], access)[0]!;
}

/**
 * `files:grantDropped`: a read grant for a file or folder dropped on the window. Only the preload
 * sends it, with the path `webUtils.getPathForFile` gave for a real dropped File; the page itself
 * cannot reach this channel (context isolation), only the preload's `grantFor(file)`. A renderer
 * compromised below JavaScript could send any path here, so these grants only ever allow reading
 * (importing images or a model, never writing or replacing anything), and only of an existing
 * regular file or folder.
 */
export function dropHandlers(grants: GrantTable): PreloadHandlers {
  return {
    'files:grantDropped': async (dropped) => {
      if (!path.isAbsolute(dropped)) throw new InvalidRequestError('a dropped file has an absolute path');
      const stat = await fs.stat(dropped).catch(() => null);
      if (!stat || !(stat.isFile() || stat.isDirectory()))
        throw new InvalidRequestError(`not a file or folder: ${dropped}`);
      return grants.issue(dropped, 'read');
    },
  };
}
