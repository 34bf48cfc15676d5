import { describe, expect, it } from 'vitest';
import { INSIDE_KEY, readInsideOpen, storeInsideOpen } from './inside-preference';

describe('the panel preference', () => {
  it('is closed until opened, then remembered', () => {
    localStorage.clear();
    expect(readInsideOpen(localStorage)).toBe(false);
    storeInsideOpen(localStorage, true);
    expect(localStorage.getItem(INSIDE_KEY)).toBe('open');
    expect(readInsideOpen(localStorage)).toBe(true);
    storeInsideOpen(localStorage, false);
    expect(readInsideOpen(localStorage)).toBe(false);
  });

  it('reads closed where storage throws, and storing there loses nothing else', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => {
        throw new Error('denied');
      },
    };
    expect(readInsideOpen(broken)).toBe(false);
    expect(() => storeInsideOpen(broken, true)).not.toThrow();
    expect(readInsideOpen(undefined)).toBe(false);
  });
});
