// Whether the "Inside the network" panel is open, remembered in localStorage like the theme: closed
// until the person opens it (it costs nothing closed), then as they left it.

export const INSIDE_KEY = 'glyph-lab.inside-network';

/** The page's localStorage, or undefined where reading it throws (an opaque origin, privacy settings). */
export function insideStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

export function readInsideOpen(storage: Pick<Storage, 'getItem'> | undefined): boolean {
  try {
    return storage?.getItem(INSIDE_KEY) === 'open';
  } catch {
    return false;
  }
}

export function storeInsideOpen(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, open: boolean) {
  try {
    if (open) storage?.setItem(INSIDE_KEY, 'open');
    else storage?.removeItem(INSIDE_KEY);
  } catch {
    // Not remembered; the panel still opens for this session.
  }
}
