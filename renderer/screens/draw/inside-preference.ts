// Whether the "Inside the network" panel is open, remembered in localStorage like the theme: closed
// until the person opens it (it costs nothing closed), then as they left it.

import { pageStorage, readPreference, storePreference } from '../../state/stored-preference';

export const INSIDE_KEY = 'glyph-lab.inside-network';

/** The page's localStorage, or undefined where reading it throws (an opaque origin, privacy settings). */
export const insideStorage = pageStorage;

export function readInsideOpen(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  return readPreference(storage, INSIDE_KEY) === 'open';
}

/** Not remembered where the storage throws; the panel still opens for this session. */
export function storeInsideOpen(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, open: boolean) {
  storePreference(storage, INSIDE_KEY, open ? 'open' : null);
}
