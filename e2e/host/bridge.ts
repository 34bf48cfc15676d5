// Runs in the page (bundled and injected by the e2e fixture before the app's scripts): builds
// `window.api` from the same contract the preload uses, over Playwright bindings instead of IPC, and
// `window.glyphFiles` from the preload's own file bridge, with the host standing in for
// `webUtils.getPathForFile` (it knows the files a test drops) and for main's `files:grantDropped`.

import { createFileBridge, type FileBridge } from '../../app/preload/file-bridge';
import { type Api, createApi, type EventName, type FileGrant } from '../../app/shared/api';
import { decode, encode } from './wire';

interface Reply {
  ok: boolean;
  value?: unknown;
  error?: string;
}

interface HostWindow {
  api: Api;
  glyphFiles: FileBridge;
  __glyphInvoke(channel: string, input: unknown): Promise<unknown>;
  __glyphPathForFile(name: string): Promise<string>;
  __glyphGrantDropped(path: string): Promise<Reply>;
  __glyphEmit(event: string, payload: unknown): void;
}

const host = window as unknown as HostWindow;
const listeners = new Map<EventName, Set<(payload: unknown) => void>>();

host.__glyphEmit = (event, payload) => {
  for (const listener of listeners.get(event as EventName) ?? []) listener(decode(payload));
};

host.api = createApi(
  async (channel, input) => {
    const reply = (await host.__glyphInvoke(channel, encode(input))) as {
      ok: boolean;
      value?: unknown;
      error?: string;
    };
    if (!reply.ok) throw new Error(reply.error);
    return decode(reply.value);
  },
  (event, listener) => {
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  },
);

host.glyphFiles = createFileBridge(
  (file) => host.__glyphPathForFile(file.name),
  async (path) => {
    const reply = await host.__glyphGrantDropped(path);
    if (!reply.ok) throw new Error(reply.error);
    return reply.value as FileGrant;
  },
);
