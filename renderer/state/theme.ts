// Light, dark or the system's: the person's choice, kept in localStorage, applied as
// `<html data-theme="light|dark">` (the CSS tokens in styles/base.css switch on it). Canvas painters
// that read colours from CSS (the drawing, the charts) repaint through `onThemeChange`.

export type ThemeChoice = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'glyph-lab.theme';
export const THEME_CHOICES: { id: ThemeChoice; title: string }[] = [
  { id: 'system', title: 'System' },
  { id: 'light', title: 'Light' },
  { id: 'dark', title: 'Dark' },
];

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The page's localStorage, or undefined where reading it throws (an opaque origin, privacy settings). */
export function themeStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** The stored choice; anything missing or unknown reads as 'system'. */
export function readThemeChoice(storage: Pick<Storage, 'getItem'> | undefined): ThemeChoice {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(THEME_KEY) ?? null;
  } catch {
    // Storage can be unavailable (privacy settings): the system's theme then.
  }
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): Theme {
  return choice === 'system' ? (systemDark ? 'dark' : 'light') : choice;
}

export function systemPrefersDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

/** Store the choice and apply it to the document now. */
export function chooseTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') themeStorage()?.removeItem(THEME_KEY);
    else themeStorage()?.setItem(THEME_KEY, choice);
  } catch {
    // Not persisted; still applied for this session.
  }
  applyTheme(choice);
}

export function applyTheme(choice: ThemeChoice = readThemeChoice(themeStorage())): Theme {
  const theme = resolveTheme(choice, systemPrefersDark());
  const root = document.documentElement;
  if (root.dataset.theme !== theme) root.dataset.theme = theme;
  root.dataset.themeChoice = choice;
  return theme;
}

/**
 * Keep `data-theme` in step with the OS while the choice is 'system', for the page's lifetime.
 * Returns the unsubscribe function.
 */
export function followSystemTheme(): () => void {
  if (typeof window.matchMedia !== 'function') return () => {};
  const query = window.matchMedia(DARK_QUERY);
  const onChange = () => applyTheme();
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** Called whenever the applied theme changes (by choice or by the OS). Returns the unsubscribe function. */
export function onThemeChange(listener: () => void): () => void {
  const observer = new MutationObserver(listener);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
  return () => observer.disconnect();
}
