import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, loadWindowState, saveWindowState, visibleOn } from './window-state';

describe('window state', () => {
  const dir = mkdtempSync(join(tmpdir(), 'glyph-ws-'));

  it('round-trips through its file and falls back on a missing or corrupt one', () => {
    const file = join(dir, 'window.json');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
    saveWindowState(file, { x: 5, y: 6, width: 1400, height: 900, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 5, y: 6, width: 1400, height: 900, maximized: true });
    writeFileSync(file, '{not json');
    expect(loadWindowState(file)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('keeps the minimum size and forgets a position on a display that is gone', () => {
    const file = join(dir, 'small.json');
    writeFileSync(file, JSON.stringify({ x: 3000, y: 10, width: 200, height: 100 }));
    const state = loadWindowState(file);
    expect(state.width).toBeGreaterThanOrEqual(1024);
    const area = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(visibleOn(state, [area])).toMatchObject({ x: undefined, y: undefined });
    expect(visibleOn({ ...state, x: 100, y: 100 }, [area])).toMatchObject({ x: 100, y: 100 });
  });
});
