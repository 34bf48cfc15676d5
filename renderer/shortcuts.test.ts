import { describe, expect, it } from 'vitest';
import { type KeyInput, keyLabel, matchShortcut } from './shortcuts';

const k = (key: string, mods: Partial<KeyInput> = {}): KeyInput => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('matchShortcut', () => {
  it('maps undo / redo with Ctrl or Cmd', () => {
    expect(matchShortcut(k('z', { ctrlKey: true }), false)).toBe('undo');
    expect(matchShortcut(k('z', { metaKey: true }), false)).toBe('undo');
    expect(matchShortcut(k('Z', { ctrlKey: true, shiftKey: true }), false)).toBe('redo');
    expect(matchShortcut(k('y', { ctrlKey: true }), false)).toBe('redo');
  });

  it('maps clear, brush, saliency, help and save', () => {
    expect(matchShortcut(k('Delete'), false)).toBe('clear');
    expect(matchShortcut(k('Escape'), false)).toBe('clear');
    expect(matchShortcut(k('Backspace'), false)).toBe('clear');
    expect(matchShortcut(k('['), false)).toBe('brushSmaller');
    expect(matchShortcut(k(']'), false)).toBe('brushLarger');
    expect(matchShortcut(k('H', { shiftKey: true }), false)).toBe('toggleSaliency');
    expect(matchShortcut(k('?', { shiftKey: true }), false)).toBe('help');
    expect(matchShortcut(k('Enter'), false)).toBe('saveSample');
  });

  it('leaves plain keys to text fields but still switches screens', () => {
    expect(matchShortcut(k('Backspace'), true)).toBeNull();
    expect(matchShortcut(k('z', { ctrlKey: true }), true)).toBeNull();
    expect(matchShortcut(k('2', { ctrlKey: true }), true)).toBe('screenTrain');
    expect(matchShortcut(k('q'), false)).toBeNull();
  });

  it('labels keys per platform', () => {
    expect(keyLabel('Mod+Shift+Z', false)).toBe('Ctrl+Shift+Z');
    expect(keyLabel('Mod+Shift+Z', true)).toBe('⌘⇧Z');
  });
});
