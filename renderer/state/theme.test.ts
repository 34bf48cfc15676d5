import { afterEach, describe, expect, it } from 'vitest';
import { applyTheme, chooseTheme, onThemeChange, readThemeChoice, resolveTheme, THEME_KEY } from './theme';

afterEach(() => localStorage.clear());

describe('theme', () => {
  it('reads the stored choice, and anything else as the system theme', () => {
    expect(readThemeChoice({ getItem: () => 'dark' })).toBe('dark');
    expect(readThemeChoice({ getItem: () => 'light' })).toBe('light');
    expect(readThemeChoice({ getItem: () => 'purple' })).toBe('system');
    expect(readThemeChoice({ getItem: () => null })).toBe('system');
    expect(
      readThemeChoice({
        getItem: () => {
          throw new Error('denied');
        },
      }),
    ).toBe('system');
  });

  it('resolves the system choice from the OS preference', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });

  it('persists a choice, applies it to <html>, and tells the painters', async () => {
    let changes = 0;
    const off = onThemeChange(() => changes++);
    chooseTheme('dark');
    expect(localStorage.getItem(THEME_KEY)).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(applyTheme()).toBe('dark');
    chooseTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    await Promise.resolve();
    expect(changes).toBeGreaterThan(0);
    chooseTheme('system');
    expect(localStorage.getItem(THEME_KEY)).toBeNull();
    expect(document.documentElement.dataset.themeChoice).toBe('system');
    off();
  });
});
