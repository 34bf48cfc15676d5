// Remembers the window's size and position between runs (a small JSON file in the user-data
// folder), and keeps a remembered position on a display that still exists.

import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Bounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface WindowState extends Bounds {
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 840, maximized: false };
const MIN = { width: 1024, height: 700 };

export function loadWindowState(file: string): WindowState {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<WindowState>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    return {
      x: num(raw.x),
      y: num(raw.y),
      width: Math.max(MIN.width, num(raw.width) ?? DEFAULT_WINDOW_STATE.width),
      height: Math.max(MIN.height, num(raw.height) ?? DEFAULT_WINDOW_STATE.height),
      maximized: raw.maximized === true,
    };
  } catch {
    return { ...DEFAULT_WINDOW_STATE };
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(state));
  renameSync(tmp, file);
}

/** Drop a remembered position that no display's work area contains (a monitor was unplugged). */
export function visibleOn(state: WindowState, workAreas: readonly Required<Bounds>[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const onScreen = workAreas.some(
    (a) => x >= a.x && y >= a.y && x + 100 <= a.x + a.width && y + 50 <= a.y + a.height,
  );
  return onScreen ? state : { ...state, x: undefined, y: undefined };
}

export const MIN_WINDOW_SIZE = MIN;
