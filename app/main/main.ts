// Electron main, as a checklist: every renderer sandboxed and the app:// scheme registered before
// ready; one instance; a hardened session; the renderer served from app://; the core services with
// the trainer in a utility process; IPC for the app's own window only, paths only as file grants;
// the window; the menu; events forwarded to the renderer; the trainer stopped on quit.

import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session } from 'electron';
import { createCore, spawnThreadWorker } from '../core';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, rendererUrl, serveRenderer } from './app-protocol';
import { nativePickers } from './dialogs';
import { dropHandlers, grantedHandlers } from './granted-handlers';
import { GrantTable } from './grants';
import { ownWindowsOnly, registerIpc } from './ipc';
import { menuTemplate } from './menu';
import { hardenSession, isAppUrl } from './security';
import { spawnUtilityTrainer } from './trainer-spawn';
import { createMainWindow } from './windows';

/** The package root: dist/main/main.js lives two levels below it. */
const ROOT = app.getAppPath();
/** Bundled datasets and default models: next to the app in development, extra resources when packaged. */
const RESOURCES = app.isPackaged ? process.resourcesPath : ROOT;

async function start(): Promise<void> {
  // The dev server only in development: a packaged app ignores GLYPH_LAB_DEV_URL.
  const appUrl = rendererUrl(app.isPackaged, process.env.GLYPH_LAB_DEV_URL);
  hardenSession(session.defaultSession, appUrl);
  protocol.handle(APP_SCHEME, serveRenderer(join(ROOT, 'dist/renderer')));
  const core = await createCore({
    userDataDir: app.getPath('userData'),
    resourcesDir: RESOURCES,
    spawnTrainer: spawnUtilityTrainer(join(ROOT, 'dist/trainer/trainer.js')),
    // Image decoding and evaluation in a worker thread, so main answers the renderer meanwhile.
    spawnWorker: spawnThreadWorker(join(ROOT, 'dist/worker/worker.js')),
    log: (message) => console.log(`[glyph-lab] ${message}`),
  });
  let win: BrowserWindow | null = null;
  const open = () => {
    win = createMainWindow({
      preloadPath: join(ROOT, 'dist/preload/preload.cjs'),
      appUrl,
      stateFile: join(app.getPath('userData'), 'window-state.json'),
    });
    win.on('closed', () => (win = null));
  };

  const grants = new GrantTable();
  registerIpc(
    ipcMain,
    grantedHandlers(
      core.handlers,
      nativePickers(dialog, () => win),
      grants,
    ),
    dropHandlers(grants),
    ownWindowsOnly(
      () => BrowserWindow.getAllWindows().map((w) => w.webContents),
      (url) => isAppUrl(url, appUrl),
    ),
  );
  core.on((event, payload) => {
    for (const w of BrowserWindow.getAllWindows()) w.webContents.send(event, payload);
  });

  const about = () =>
    dialog.showMessageBox({
      type: 'info',
      title: 'About Glyph Lab',
      message: `Glyph Lab ${app.getVersion()}`,
      detail: 'Handwriting recognition with a backpropagation network written from scratch.',
    });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate(
        (command) => win?.webContents.send('menu:command', command),
        about,
        process.platform === 'darwin',
      ),
    ),
  );

  app.on('second-instance', () => {
    if (!win) return open();
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (!win) open();
  });
  app.on('window-all-closed', () => app.quit());
  let disposed = false;
  app.on('before-quit', (event) => {
    if (disposed) return;
    event.preventDefault();
    disposed = true;
    void core.dispose().finally(() => app.quit());
  });
  open();
}

// Before ready: every renderer sandboxed whatever its web preferences say, and app:// privileged.
app.enableSandbox();
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.whenReady().then(start, (error: unknown) => {
    dialog.showErrorBox('Glyph Lab could not start', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}
