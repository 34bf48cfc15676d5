// The preload: exposes `window.api` (verbs from the contract) and nothing else — never ipcRenderer.
// Bundled to CommonJS for the sandboxed renderer.

import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
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
