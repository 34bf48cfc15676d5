// IPC registration: one ipcMain.handle per contract channel, plus the preload-only channels. Every
// request is checked twice at the boundary: the sender must be one of the app's own windows, and the
// input must match the channel's schema (dispatch validates it). Paths arrive only as file grants
// (granted-handlers.ts).

import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import {
  channels,
  dispatch,
  dispatchPreload,
  type Handlers,
  type PreloadHandlers,
  preloadChannels,
} from '../shared/api';

export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Trust only the top frame of the given windows' web contents, loaded from the app's own URL. */
export function ownWindowsOnly(contents: () => readonly WebContents[], isAppUrl: (url: string) => boolean) {
  return (event: IpcMainInvokeEvent): boolean => {
    const frame = event.senderFrame;
    if (!frame || frame.parent) return false;
    return contents().some((c) => c.id === event.sender.id) && isAppUrl(frame.url);
  };
}

export function registerIpc(
  ipcMain: IpcMain,
  handlers: Handlers,
  preload: PreloadHandlers,
  trusted: SenderCheck,
): () => void {
  const refuse = (name: string) => new Error(`${name}: request from an untrusted sender was refused`);
  for (const name of channels) {
    ipcMain.handle(name, async (event, input: unknown) => {
      if (!trusted(event)) throw refuse(name);
      return dispatch(handlers, name, input);
    });
  }
  for (const name of preloadChannels) {
    ipcMain.handle(name, async (event, input: unknown) => {
      if (!trusted(event)) throw refuse(name);
      return dispatchPreload(preload, name, input);
    });
  }
  return () => {
    for (const name of [...channels, ...preloadChannels]) ipcMain.removeHandler(name);
  };
}
