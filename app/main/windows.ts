// The main window: secure preferences, remembered bounds, the app page from app:// (or the Vite dev
// server in development).

import { BrowserWindow, screen } from 'electron';
import { hardenWebContents, secureWebPreferences } from './security';
import { loadWindowState, MIN_WINDOW_SIZE, saveWindowState, visibleOn } from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  /** app://glyph-lab/index.html (dist/renderer served by app-protocol.ts), or the dev server URL. */
  appUrl: string;
  stateFile: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const areas = screen.getAllDisplays().map((d) => d.workArea);
  const state = visibleOn(loadWindowState(options.stateFile), areas);
  const win = new BrowserWindow({
    ...state,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Glyph Lab',
    show: false,
    backgroundColor: '#15171c',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  hardenWebContents(win.webContents, options.appUrl);
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    saveWindowState(options.stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() });
  });
  void win.loadURL(options.appUrl);
  return win;
}
