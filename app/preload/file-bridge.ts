// `window.glyphFiles`: a read grant for a file dropped on the window. The page hands over the File;
// the path comes from outside the page (Electron's `webUtils.getPathForFile` in the preload, the test
// host's table of dropped files in e2e) and goes to main's `files:grantDropped`, which answers with a
// grant the page sends to `samples:import`. Electron-free, so the preload and the e2e bridge share it.

import type { FileGrant } from '../shared/api';

export interface FileBridge {
  grantFor(file: File): Promise<FileGrant>;
}

/**
 * `pathForFile` answers '' for a File that is not backed by a file on disk (one made in JavaScript):
 * such a file gets no grant, and main is never asked.
 */
export function createFileBridge(
  pathForFile: (file: File) => string | Promise<string>,
  grantDropped: (path: string) => Promise<FileGrant>,
): FileBridge {
  return {
    grantFor: async (file: File): Promise<FileGrant> => {
      const path = await pathForFile(file);
      if (!path)
        throw new Error('not a file from the disk: drop it from a folder, or use “Import…” on Samples');
      return grantDropped(path);
    },
  };
}
