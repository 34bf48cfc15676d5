// The preload: exposes `window.api` (verbs from the contract) and `window.glyphFiles` (the path of a
// file dropped on the window, which a sandboxed page cannot learn itself) — never ipcRenderer.
// Bundled to CommonJS for the sandboxed renderer.

import { contextBridge, type IpcRendererEvent, ipcRenderer, webUtils } from 'electron';
import { createApi, isEventName } from '../shared/api';

const api = createApi(
  (channel, input) => ipcRenderer.invoke(channel, input),
  (event, listener) => {
    if (!isEventName(event)) throw new Error(`unknown event ${String(event)}`);
    const forward = (_e: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, forward);
    return () => {
      ipcRenderer.removeListener(event, forward);
    };
  },
);

contextBridge.exposeInMainWorld('api', api);

// Dropped files: the renderer hands the File back and gets its path, which it then sends through the
// validated `samples:import` channel like a path from the open dialog. Anything but a File throws here.
contextBridge.exposeInMainWorld('glyphFiles', {
  pathOf: (file: File): string => webUtils.getPathForFile(file),
});
