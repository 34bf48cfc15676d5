// Keyboard shortcuts: one table (the help overlay lists it) and one pure matcher, DOM-free.

export type Action =
  | 'undo'
  | 'redo'
  | 'clear'
  | 'brushSmaller'
  | 'brushLarger'
  | 'toggleSaliency'
  | 'saveSample'
  | 'help'
  | 'screenDraw'
  | 'screenTrain'
  | 'screenSamples'
  | 'screenModels';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export interface Shortcut {
  action: Action;
  keys: string[];
  description: string;
}

/** What the help overlay shows, in this order. "Mod" is Ctrl, or ⌘ on macOS. */
export const SHORTCUTS: Shortcut[] = [
  { action: 'undo', keys: ['Mod+Z'], description: 'Undo the last stroke' },
  { action: 'redo', keys: ['Mod+Shift+Z', 'Mod+Y'], description: 'Redo' },
  { action: 'clear', keys: ['Delete', 'Backspace', 'Escape'], description: 'Clear the drawing' },
  { action: 'brushSmaller', keys: ['['], description: 'Thinner brush' },
  { action: 'brushLarger', keys: [']'], description: 'Thicker brush' },
  { action: 'toggleSaliency', keys: ['H'], description: 'Show where the network looked' },
  { action: 'saveSample', keys: ['Enter'], description: 'Save the drawing as a sample (Samples screen)' },
  { action: 'screenDraw', keys: ['Mod+1'], description: 'Draw screen' },
  { action: 'screenTrain', keys: ['Mod+2'], description: 'Train screen' },
  { action: 'screenSamples', keys: ['Mod+3'], description: 'Samples screen' },
  { action: 'screenModels', keys: ['Mod+4'], description: 'Models screen' },
  { action: 'help', keys: ['?'], description: 'Show or hide this help' },
];

const screenKeys: Record<string, Action> = {
  '1': 'screenDraw',
  '2': 'screenTrain',
  '3': 'screenSamples',
  '4': 'screenModels',
};

/**
 * The action for a key press, or null. `inTextField`: focus is in an input, textarea or select,
 * where plain keys belong to the field (only Mod+digit screen switches still apply).
 */
export function matchShortcut(e: KeyInput, inTextField: boolean): Action | null {
  const mod = e.ctrlKey || e.metaKey;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (mod && !e.altKey && screenKeys[key]) return screenKeys[key]!;
  if (inTextField) return null;
  if (mod && !e.altKey) {
    if (key === 'z') return e.shiftKey ? 'redo' : 'undo';
    if (key === 'y') return 'redo';
    return null;
  }
  if (e.altKey) return null;
  switch (key) {
    case 'Delete':
    case 'Backspace':
    case 'Escape':
      return 'clear';
    case '[':
      return 'brushSmaller';
    case ']':
      return 'brushLarger';
    case 'h':
      return 'toggleSaliency';
    case 'Enter':
      return 'saveSample';
    case '?':
      return 'help';
    default:
      return null;
  }
}

/** "Mod+Shift+Z" → "Ctrl+Shift+Z" (or "⌘⇧Z" on macOS). */
export function keyLabel(keys: string, mac: boolean): string {
  if (!mac) return keys.replace('Mod', 'Ctrl');
  return keys.replace('Mod+', '⌘').replace('Shift+', '⇧');
}
