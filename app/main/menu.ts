// The application menu. Menu items only send commands to the renderer; the work happens there
// through window.api, so the menu and the UI do the same thing.

import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../shared/types';

export function menuTemplate(
  send: (command: MenuCommand) => void,
  about: () => void,
  isMac: boolean,
): MenuItemConstructorOptions[] {
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      { label: 'Import Images…', accelerator: 'CmdOrCtrl+I', click: () => send('import-images') },
      { label: 'Import Model…', accelerator: 'CmdOrCtrl+O', click: () => send('import-model') },
      { label: 'Export Model…', accelerator: 'CmdOrCtrl+E', click: () => send('export-model') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [
      { label: 'Keyboard Shortcuts', accelerator: 'Shift+/', click: () => send('show-help') },
      { label: 'About Glyph Lab', click: about },
    ],
  };
  return [
    ...(isMac ? [{ role: 'appMenu' } as MenuItemConstructorOptions] : []),
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    help,
  ];
}
