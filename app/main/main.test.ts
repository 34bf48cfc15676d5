// main.ts as a checklist, run against the fake electron module: what happens before ready, which URL
// the window loads, and that IPC answers only the app's own window with grants.

import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../core/test-helpers';
import { channels, preloadChannels } from '../shared/api';
import { APP_URL } from './app-protocol';
import { FakeBrowserWindow, type FakeWebContents, fakeElectron } from './test/fake-electron';
import { ROOT } from './test/ipc-harness';

type Fake = ReturnType<typeof fakeElectron>;
let tmp: ReturnType<typeof tempDir> | null = null;
let running: Fake | null = null;
const savedEnv = process.env.GLYPH_LAB_DEV_URL;
const processWithResources = process as NodeJS.Process & { resourcesPath?: string };

async function startMain(isPackaged: boolean, devUrl?: string): Promise<Fake> {
  tmp = tempDir('glyph-main-');
  if (devUrl) process.env.GLYPH_LAB_DEV_URL = devUrl;
  else delete process.env.GLYPH_LAB_DEV_URL;
  processWithResources.resourcesPath = ROOT;
  const fake = fakeElectron({ appPath: ROOT, userData: path.join(tmp.dir, 'user'), isPackaged });
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  await import('./main');
  running = fake;
  return fake;
}

/** Fire ready and wait for the window. */
async function ready(fake: Fake): Promise<FakeBrowserWindow> {
  fake.ready();
  await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1), { timeout: 10_000 });
  return FakeBrowserWindow.all[0]!;
}

afterEach(async () => {
  if (running) {
    // before-quit disposes the core, then quits.
    const quits = running.module.app.quitCalled;
    running.module.app.emit('before-quit', { preventDefault: () => {} });
    await vi.waitFor(() => expect(running!.module.app.quitCalled).toBeGreaterThan(quits));
  }
  running = null;
  vi.doUnmock('electron');
  tmp?.remove();
  tmp = null;
  if (savedEnv === undefined) delete process.env.GLYPH_LAB_DEV_URL;
  else process.env.GLYPH_LAB_DEV_URL = savedEnv;
});

describe('main', () => {
  it('sandboxes every renderer and registers app:// as privileged before ready, then serves it', async () => {
    const fake = await startMain(true);
    expect(fake.calls.slice(0, 3)).toEqual(['enableSandbox', 'registerSchemesAsPrivileged', 'whenReady']);
    expect(fake.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    const win = await ready(fake);
    expect(fake.calls).toContain('protocol.handle app');
    expect(win.loadedUrl).toBe(APP_URL);
    expect(win.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true });
    const missing = await fake.protocols.get('app')!(new Request('app://glyph-lab/../../package.json'));
    expect(missing.status).toBe(404);
  });

  it('a packaged app ignores GLYPH_LAB_DEV_URL', async () => {
    const packaged = await ready(await startMain(true, 'https://evil.test/'));
    expect(packaged.loadedUrl).toBe(APP_URL);
  });

  it('development: the dev server URL', async () => {
    const dev = await ready(await startMain(false, 'http://localhost:5173/'));
    expect(dev.loadedUrl).toBe('http://localhost:5173/');
  });

  it('IPC: every channel registered, the app window answered, a path in place of a grant refused', async () => {
    const fake = await startMain(true);
    const win = await ready(fake);
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual([...channels, ...preloadChannels].sort());
    const own = { sender: win.webContents as FakeWebContents, url: APP_URL };
    await expect(fake.ipcMain.invoke('app:info', undefined, own)).resolves.toMatchObject({
      name: 'Glyph Lab',
    });
    await expect(fake.ipcMain.invoke('models:import', { path: '/etc/passwd' }, own)).rejects.toThrow(
      /invalid input/,
    );
    await expect(
      fake.ipcMain.invoke('app:info', undefined, { ...own, url: 'file:///tmp/evil.html' }),
    ).rejects.toThrow(/untrusted/);
  });
});
