// The renderer's only door to main: `window.api`, typed by the contract in app/shared.
import type { Api, FileGrant } from '../app/shared/api';

declare global {
  interface Window {
    api: Api;
    /** The preload (or the e2e host bridge): a read grant for a file dropped on the window. */
    glyphFiles?: { grantFor(file: File): Promise<FileGrant> };
  }
}

export function api(): Api {
  if (!window.api)
    throw new Error('window.api is missing: the preload (or the test host bridge) did not run');
  return window.api;
}
