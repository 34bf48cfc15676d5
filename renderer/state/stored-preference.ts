// A preference kept in the page's localStorage (the theme, the open "Inside the network" panel). The
// storage can be missing or throw (an opaque origin, privacy settings): a read then finds nothing and
// a write keeps nothing, and the choice holds for this session only.

/** The page's localStorage, or undefined where reading it throws. */
export function pageStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The stored value, or null when there is none or the storage cannot be read. */
export function readPreference(storage: Pick<Storage, 'getItem'> | undefined, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Store the value; null removes the key (the default needs no entry). Never throws. */
export function storePreference(
  storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined,
  key: string,
  value: string | null,
): void {
  try {
    if (value === null) storage?.removeItem(key);
    else storage?.setItem(key, value);
  } catch {
    // Not persisted; the choice still holds for this session.
  }
}
