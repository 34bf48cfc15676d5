import { describe, expect, it } from 'vitest';
import { channels, type Handlers, type PreloadHandlers, preloadChannels } from '../shared/api';
import { ownWindowsOnly, registerIpc } from './ipc';
import { FakeIpcMain, FakeWebContents } from './test/fake-electron';

const APP = 'app://glyph-lab/index.html';

function handlersRecording(calls: { channel: string; input: unknown }[]): Handlers {
  return Object.fromEntries(
    channels.map((c) => [
      c,
      (input: unknown) => {
        calls.push({ channel: c, input });
        return `${c} ok`;
      },
    ]),
  ) as unknown as Handlers;
}

describe('registerIpc', () => {
  const own = new FakeWebContents();
  const foreign = new FakeWebContents();
  const setup = () => {
    const ipc = new FakeIpcMain();
    const calls: { channel: string; input: unknown }[] = [];
    const trusted = ownWindowsOnly(
      () => [own as never],
      (url) => url === APP,
    );
    const preload: PreloadHandlers = {
      'files:grantDropped': async (path) => {
        calls.push({ channel: 'files:grantDropped', input: path });
        return { grant: 'g', path, name: 'n' };
      },
    };
    const unregister = registerIpc(ipc as never, handlersRecording(calls), preload, trusted);
    return { ipc, calls, unregister };
  };

  it('registers exactly one handler per contract channel and per preload channel', () => {
    const { ipc, unregister } = setup();
    expect([...ipc.handlers.keys()].sort()).toEqual([...channels, ...preloadChannels].sort());
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('runs the handler for the app window with validated input', async () => {
    const { ipc, calls } = setup();
    await expect(
      ipc.invoke('models:rename', { id: 'm1', name: 'Mine' }, { sender: own, url: APP }),
    ).resolves.toBe('models:rename ok');
    expect(calls).toEqual([{ channel: 'models:rename', input: { id: 'm1', name: 'Mine' } }]);
  });

  it('refuses other senders: another web contents, a subframe, a foreign page', async () => {
    const { ipc, calls } = setup();
    await expect(ipc.invoke('app:info', undefined, { sender: foreign, url: APP })).rejects.toThrow(
      /untrusted/,
    );
    await expect(ipc.invoke('app:info', undefined, { sender: own, url: APP, parent: {} })).rejects.toThrow(
      /untrusted/,
    );
    await expect(
      ipc.invoke('app:info', undefined, { sender: own, url: 'https://evil.test/' }),
    ).rejects.toThrow(/untrusted/);
    await expect(ipc.invoke('files:grantDropped', '/etc', { sender: foreign, url: APP })).rejects.toThrow(
      /untrusted/,
    );
    expect(calls).toEqual([]);
  });

  it('rejects invalid input with a clear message before any handler runs', async () => {
    const { ipc, calls } = setup();
    await expect(
      ipc.invoke('models:rename', { id: 'm1', name: 42 }, { sender: own, url: APP }),
    ).rejects.toThrow(/models:rename: invalid input at name/);
    await expect(
      ipc.invoke(
        'samples:add',
        { datasetId: 'd', label: 'x', image: new Float32Array(10), strokes: [] },
        {
          sender: own,
          url: APP,
        },
      ),
    ).rejects.toThrow(/784/);
    expect(calls).toEqual([]);
  });
});
