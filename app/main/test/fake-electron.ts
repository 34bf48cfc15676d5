// A fake `electron` module for main-process unit tests: records what the glue asks of Electron
// (handlers registered, windows created, options passed) so tests can check it. Only the surface
// the glue uses is modelled.

import { EventEmitter } from 'node:events';

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: { channel: string; payload: unknown }[] = [];
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
  /** Emit a navigation event and report whether it was prevented. */
  tryNavigate(event: 'will-navigate' | 'will-redirect' | 'will-attach-webview', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static all: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl = '';
  maximized = false;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
  static getAllWindows() {
    return FakeBrowserWindow.all;
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize() {
    this.maximized = true;
  }
  isMaximized() {
    return this.maximized;
  }
  getNormalBounds() {
    return { x: 10, y: 20, width: 1300, height: 900 };
  }
  isMinimized() {
    return false;
  }
  restore() {}
  focus() {}
  show() {}
}

export class FakeIpcMain {
  handlers = new Map<string, (event: unknown, input: unknown) => unknown>();
  handle(channel: string, handler: (event: unknown, input: unknown) => unknown) {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  }
  /** Invoke as a renderer would, from the given web contents and frame URL. */
  async invoke(
    channel: string,
    input: unknown,
    from: { sender: FakeWebContents; url: string; parent?: unknown },
  ): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(
      { sender: from.sender, senderFrame: { url: from.url, parent: from.parent ?? null } },
      input,
    );
  }
}

export class FakeSession {
  permissionRequest:
    | ((
        wc: unknown,
        permission: string,
        cb: (ok: boolean) => void,
        details: { requestingUrl: string },
      ) => void)
    | null = null;
  permissionCheck: ((...args: unknown[]) => boolean) | null = null;
  headersListener: ((details: unknown, cb: (r: unknown) => void) => void) | null = null;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']) {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']) {
    this.permissionCheck = h;
  }
  webRequest = {
    onHeadersReceived: (listener: FakeSession['headersListener']) => {
      this.headersListener = listener;
    },
  };
}

/**
 * The `electron` module as main.ts uses it, for `vi.doMock('electron', () => fake.module)`. `calls`
 * logs the order of the calls that must come before ready; `ready()` fires app ready, and, as in
 * Electron, enableSandbox and registerSchemesAsPrivileged throw after it.
 */
export function fakeElectron(options: { appPath: string; userData: string; isPackaged: boolean }) {
  const calls: string[] = [];
  let isReady = false;
  let fireReady: () => void = () => {};
  const readyPromise = new Promise<void>((resolve) => (fireReady = resolve));
  const beforeReady = (name: string) => {
    if (isReady) throw new Error(`${name} must be called before the app is ready`);
    calls.push(name);
  };
  const appEvents = new EventEmitter();
  const protocols = new Map<string, (request: Request) => Promise<Response> | Response>();
  const privileged: unknown[] = [];
  const ipcMain = new FakeIpcMain();
  const session = new FakeSession();
  FakeBrowserWindow.all = [];
  const app = {
    isPackaged: options.isPackaged,
    quitCalled: 0,
    enableSandbox: () => beforeReady('enableSandbox'),
    requestSingleInstanceLock: () => true,
    whenReady: () => {
      calls.push('whenReady');
      return readyPromise;
    },
    getAppPath: () => options.appPath,
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`fake app.getPath(${name})`);
      return options.userData;
    },
    getVersion: () => '0.0.0-test',
    on: (event: string, listener: (...args: unknown[]) => void) => appEvents.on(event, listener),
    emit: (event: string, ...args: unknown[]) => appEvents.emit(event, ...args),
    quit: () => {
      app.quitCalled++;
    },
    exit: () => {},
  };
  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain,
    session: { defaultSession: session },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        beforeReady('registerSchemesAsPrivileged');
        privileged.push(...schemes);
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
        if (!isReady) throw new Error('protocol.handle before ready');
        calls.push(`protocol.handle ${scheme}`);
        protocols.set(scheme, handler);
      },
    },
    dialog: {
      showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showMessageBox: async () => ({ response: 0 }),
      showErrorBox: (title: string, content: string) => calls.push(`error ${title}: ${content}`),
    },
    Menu: {
      buildFromTemplate: (template: unknown) => ({ template }),
      setApplicationMenu: () => {},
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    utilityProcess: {
      fork: () => {
        throw new Error('no trainer in this test');
      },
    },
  };
  return {
    module,
    calls,
    protocols,
    privileged,
    ipcMain,
    session,
    ready: () => {
      isReady = true;
      calls.push('ready');
      fireReady();
    },
  };
}
