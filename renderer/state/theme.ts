// Light, dark or the system's: the person's choice, kept in localStorage, applied as
// `<html data-theme="light|dark">` (the CSS tokens in styles/base.css switch on it). Canvas painters
// that read colours from CSS (the drawing, the charts) repaint through `onThemeChange`.

import { pageStorage, readPreference, storePreference } from './stored-preference';

export type ThemeChoice = 'light' | 'dark' | 'system';
export type Theme = 'light' | 'dark';

export const THEME_KEY = 'glyph-lab.theme';
export const THEME_CHOICES: { id: ThemeChoice; title: string }[] = [
  { id: 'system', title: 'System' },
  { id: 'light', title: 'Light' },
  { id: 'dark', title: 'Dark' },
];

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The stored choice; anything missing or unknown reads as 'system'. */
export function readThemeChoice(storage: Pick<Storage, 'getItem'> | undefined): ThemeChoice {
  const stored = readPreference(storage, THEME_KEY);
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
  storePreference(pageStorage(), THEME_KEY, choice === 'system' ? null : choice);
  applyTheme(choice);
}

export function applyTheme(choice: ThemeChoice = readThemeChoice(pageStorage())): Theme {
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
