// Main's IPC as the renderer meets it, without Electron: the real core (real stores in a temporary
// user-data folder, the real trainer spawn), the grant layer, registerIpc on the fake ipcMain, and
// the app's own window; the native dialogs answer what a test queues.

import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Core, createCore } from '../../core';
import { spawnNodeTrainer } from '../../core/spawn-node';
import { tempDir } from '../../core/test-helpers';
import { APP_URL } from '../app-protocol';
import { dropHandlers, grantedHandlers } from '../granted-handlers';
import { GrantTable } from '../grants';
import { ownWindowsOnly, registerIpc } from '../ipc';
import { isAppUrl } from '../security';
import { FakeIpcMain, FakeWebContents } from './fake-electron';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface IpcHarness {
  core: Core;
  grants: GrantTable;
  ipc: FakeIpcMain;
  /** The app window's web contents. */
  own: FakeWebContents;
  dir: string;
  /** What the next open / save dialogs answer (absolute paths; [] and null are a cancel). */
  dialogs: { openFiles: string[][]; saveFile: (string | null)[] };
  /** Invoke a channel from the app's own window, as the renderer (or the preload) would. */
  invoke(channel: string, input?: unknown): Promise<unknown>;
  dispose(): Promise<void>;
}

export async function ipcHarness(): Promise<IpcHarness> {
  const tmp = tempDir('glyph-main-');
  const core = await createCore({
    userDataDir: path.join(tmp.dir, 'user'),
    resourcesDir: ROOT,
    spawnTrainer: spawnNodeTrainer(),
  });
  const grants = new GrantTable();
  const ipc = new FakeIpcMain();
  const own = new FakeWebContents();
  const dialogs: IpcHarness['dialogs'] = { openFiles: [], saveFile: [] };
  const handlers = grantedHandlers(
    core.handlers,
    {
      openFiles: async () => dialogs.openFiles.shift() ?? [],
      saveFile: async () => dialogs.saveFile.shift() ?? null,
    },
    grants,
  );
  const trusted = ownWindowsOnly(
    () => [own as never],
    (url) => isAppUrl(url, APP_URL),
  );
  const unregister = registerIpc(ipc as never, handlers, dropHandlers(grants), trusted);
  return {
    core,
    grants,
    ipc,
    own,
    dir: tmp.dir,
    dialogs,
    invoke: async (channel, input) => ipc.invoke(channel, input, { sender: own, url: APP_URL }),
    async dispose() {
      unregister();
      await core.dispose();
      tmp.remove();
    },
  };
}
