import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { dropHandlers } from '../main/granted-handlers';
import { GrantTable } from '../main/grants';
import { channels, dispatchPreload, type FileGrant } from '../shared/api';

// The preload runs against a fake electron: what it exposes, and what it sends.
const exposed = new Map<string, unknown>();
const invoked: { channel: string; input: unknown }[] = [];
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();
/** Where invoke goes: a canned reply unless a test routes it to main's real handlers. */
let route: ((channel: string, input: unknown) => Promise<unknown>) | null = null;

vi.mock('electron', () => ({
  // Like Electron: a path for a File backed by a file on disk, '' for a File made in JavaScript.
  webUtils: {
    getPathForFile: (file: { name: string; onDisk?: boolean; path?: string }) =>
      file.onDisk ? (file.path ?? `/dropped/${file.name}`) : '',
  },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return route ? route(channel, input) : `${channel} reply`;
    },
    on: (event: string, listener: (...args: unknown[]) => void) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
    },
    removeListener: (event: string, listener: (...args: unknown[]) => void) =>
      listeners.get(event)?.delete(listener),
  },
}));

type ExposedApi = Record<string, Record<string, (input?: unknown) => Promise<unknown>>> & {
  on(event: string, listener: (payload: unknown) => void): () => void;
};

describe('preload', () => {
  beforeEach(async () => {
    vi.resetModules();
    exposed.clear();
    route = null;
    await import('./preload');
  });

  it('exposes `api` (one verb per contract channel, no ipcRenderer) and the drop-grant helper', () => {
    expect([...exposed.keys()]).toEqual(['api', 'glyphFiles']);
    const api = exposed.get('api') as ExposedApi;
    for (const name of channels) {
      const [domain, verb] = name.split(':') as [string, string];
      expect(typeof api[domain]?.[verb], name).toBe('function');
    }
    expect(JSON.stringify(Object.keys(api))).not.toContain('ipcRenderer');
  });

  it('turns a dropped file into a grant through the preload-only channel, never a path the page names', async () => {
    const files = exposed.get('glyphFiles') as { grantFor(f: unknown): Promise<unknown> };
    expect(Object.keys(files)).toEqual(['grantFor']);
    await expect(files.grantFor({ name: 'seven.png', onDisk: true })).resolves.toBe(
      'files:grantDropped reply',
    );
    expect(invoked.at(-1)).toEqual({ channel: 'files:grantDropped', input: '/dropped/seven.png' });
    const before = invoked.length;
    await expect(files.grantFor({ name: '/etc/passwd' })).rejects.toThrow(/not a file from the disk/);
    expect(invoked.length).toBe(before);
    const api = exposed.get('api') as ExposedApi;
    expect(api.files, 'the grant channel is not a window.api verb').toBeUndefined();
  });

  it('a dropped file on disk becomes a read grant from main that samples:import can take, once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'glyph-drop-'));
    try {
      const file = join(dir, 'seven.png');
      writeFileSync(file, 'png bytes');
      const grants = new GrantTable();
      const main = dropHandlers(grants);
      route = (channel, input) => dispatchPreload(main, channel, input);
      const files = exposed.get('glyphFiles') as { grantFor(f: unknown): Promise<FileGrant> };
      // The fake webUtils gives the file's own path, as Electron does for a real drop.
      const real = await files.grantFor({ name: 'x', onDisk: true, path: file });
      expect(real.name).toBe('seven.png');
      expect(() => grants.take([real.grant], 'write'), 'a drop never grants writing').toThrow();
      const again = await files.grantFor({ name: 'x', onDisk: true, path: file });
      expect(grants.take([again.grant], 'read')).toEqual([file]);
      expect(() => grants.take([again.grant], 'read'), 'each grant is used once').toThrow();
      await expect(
        files.grantFor({ name: 'x', onDisk: true, path: join(dir, 'missing.png') }),
      ).rejects.toThrow(/not a file or folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('invokes the channel with the input and returns the reply', async () => {
    const api = exposed.get('api') as ExposedApi;
    await expect(api.models!.rename!({ id: 'a', name: 'b' })).resolves.toBe('models:rename reply');
    expect(invoked.at(-1)).toEqual({ channel: 'models:rename', input: { id: 'a', name: 'b' } });
  });

  it('subscribes to known events only, and unsubscribes', () => {
    const api = exposed.get('api') as ExposedApi;
    const got: unknown[] = [];
    const off = api.on('training:event', (p) => got.push(p));
    for (const l of listeners.get('training:event') ?? []) l({}, { type: 'paused', jobId: 'j' });
    expect(got).toEqual([{ type: 'paused', jobId: 'j' }]);
    off();
    expect(listeners.get('training:event')?.size).toBe(0);
    expect(() => api.on('evil:event', () => {})).toThrow(/unknown event/);
  });
});
