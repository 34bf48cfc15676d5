// IPC registration: one ipcMain.handle per contract channel. Every request is checked twice at
// the boundary: the sender must be one of the app's own windows, and the input must match the
// channel's schema (dispatch validates it).

import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channels, dispatch, type Handlers } from '../shared/api';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Trust only the top frame of the given windows' web contents, loaded from the app's own URL. */
export function ownWindowsOnly(contents: () => readonly WebContents[], isAppUrl: (url: string) => boolean) {
  return (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false;
    return contents().some((c) => c.id === event.sender.id) && isAppUrl(frame.url);
  };
}

export function registerIpc(ipcMain: IpcMain, handlers: Handlers, trusted: SenderCheck): () => void {
  for (const name of channels) {
    ipcMain.handle(name, async (event, input: unknown) => {
      if (!trusted(event)) throw new Error(`${name}: request from an untrusted sender was refused`);
      return dispatch(handlers, name, input);
    });
  }
  return () => {
    for (const name of channels) ipcMain.removeHandler(name);
  };
}
