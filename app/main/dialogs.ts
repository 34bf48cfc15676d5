// Native open/save dialogs, the two contract channels that only Electron can answer.

import type { BrowserWindow, Dialog } from 'electron';
import type { Handlers } from '../shared/api';

export type DialogHandlers = Pick<Handlers, 'dialog:openFiles' | 'dialog:saveFile'>;

export function dialogHandlers(dialog: Dialog, window: () => BrowserWindow | null): DialogHandlers {
  return {
    'dialog:openFiles': async ({ title, extensions, folders }) => {
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
    'dialog:saveFile': async ({ title, defaultName, extensions }) => {
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
