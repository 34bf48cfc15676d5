// The preload: exposes `window.api` (verbs from the contract) and `window.glyphFiles` (a grant for a
// file dropped on the window, whose path a sandboxed page cannot learn itself) — never ipcRenderer.
// Bundled to CommonJS for the sandboxed renderer.

import { contextBridge, type IpcRendererEvent, ipcRenderer, webUtils } from 'electron';
import { createApi, type FileGrant, isEventName, type PreloadChannel } from '../shared/api';
import { createFileBridge } from './file-bridge';

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

const GRANT_DROPPED: PreloadChannel = 'files:grantDropped';

// Dropped files: the page hands over the File and gets a read grant, which it sends to `samples:import`
// like a grant from the open dialog. webUtils answers only for a File backed by a file on disk (from a
// drop or a file input): it throws for anything else and gives '' for a File made in JavaScript, so
// the page cannot name a path here.
contextBridge.exposeInMainWorld(
  'glyphFiles',
  createFileBridge(
    (file) => webUtils.getPathForFile(file),
    async (path) => (await ipcRenderer.invoke(GRANT_DROPPED, path)) as FileGrant,
  ),
);
