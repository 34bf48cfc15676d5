// Native open/save dialogs: what the person chose, as absolute paths. Main turns them into grants
// (granted-handlers.ts) before the renderer sees them.

import type { BrowserWindow, Dialog } from 'electron';
import type { Pickers } from './granted-handlers';

export function nativePickers(dialog: Dialog, window: () => BrowserWindow | null): Pickers {
  return {
    openFiles: async ({ title, extensions, folders }) => {
      const win = window();
      const options = {
        title,
        properties: folders
          ? (['openDirectory', 'multiSelections'] as const)
          : (['openFile', 'multiSelections'] as const),
        filters: extensions.length ? [{ name: 'Files', extensions }] : [],
      };
      const result = win
        ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return result.canceled ? [] : result.filePaths;
    },
    saveFile: async ({ title, defaultName, extensions }) => {
      const win = window();
      const options = {
        title,
        defaultPath: defaultName,
        filters: extensions.length ? [{ name: 'Files', extensions }] : [],
      };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
