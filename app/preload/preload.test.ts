import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channels } from '../shared/api';

// The preload runs against a fake electron: what it exposes, and what it sends.
const exposed = new Map<string, unknown>();
const invoked: { channel: string; input: unknown }[] = [];
const listeners = new Map<string, Set<(...args: unknown[]) => void>>();

vi.mock('electron', () => ({
  // Like Electron: a path for a File backed by a file on disk, '' for a File made in JavaScript.
  webUtils: {
    getPathForFile: (file: { name: string; onDisk?: boolean }) =>
      file.onDisk ? `/dropped/${file.name}` : '',
  },
  contextBridge: { exposeInMainWorld: (key: string, value: unknown) => exposed.set(key, value) },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return `${channel} reply`;
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
