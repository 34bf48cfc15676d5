// Playwright fixtures: each test gets a fresh user-data folder, the REAL app core (real stores,
// real trainer child process, real engine) and a page running the REAL renderer build, wired
// together through the same API contract the Electron preload exposes (window.api), carried
// over Playwright bindings instead of IPC. Only the native dialogs are answered by the test; their
// answers become file grants through the same grant layer as in main (app/main/granted-handlers.ts).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { buildSync } from 'esbuild';
import { type Core, createCore, spawnThreadWorker } from '../app/core';
import { spawnNodeTrainer } from '../app/core/spawn-node';
import { dropHandlers, grantedHandlers } from '../app/main/granted-handlers';
import { GrantTable } from '../app/main/grants';
import { dispatch, dispatchPreload } from '../app/shared/api';
import { type StaticServer, serveStatic } from './host/server';
import { decode, encode } from './host/wire';

const ROOT = resolve(import.meta.dirname, '..');

const bridgeScript = buildSync({
  entryPoints: [join(ROOT, 'e2e/host/bridge.ts')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  write: false,
}).outputFiles[0]!.text;

/** Answers for the native dialogs (absolute paths), queued by a test before it clicks. */
export interface DialogScript {
  openFiles: string[][];
  saveFile: (string | null)[];
}

export interface Host {
  core: Core;
  userDataDir: string;
  dialogs: DialogScript;
  /** The grants the dialogs issued, checked by the path channels as main checks them. */
  grants: GrantTable;
  /** Every event the core emitted, in order. */
  events: { event: string; payload: unknown }[];
  /**
   * Files a test drops on the page, by name → absolute path: what Electron's
   * `webUtils.getPathForFile` answers for a real drop. A File the page made itself, under a name not
   * here, has no path (as under Electron) and gets no grant.
   */
  dropped: Map<string, string>;
}

export const test = base.extend<{ host: Host; app: Page }, { server: StaticServer }>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring.
    async ({}, use) => {
      const server = await serveStatic(join(ROOT, 'dist/renderer'));
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  // biome-ignore lint/correctness/noEmptyPattern: as above.
  host: async ({}, use) => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'glyph-lab-e2e-'));
    const core = await createCore({
      userDataDir,
      resourcesDir: ROOT,
      spawnTrainer: spawnNodeTrainer(),
      spawnWorker: spawnThreadWorker(),
    });
    const host: Host = {
      core,
      userDataDir,
      dialogs: { openFiles: [], saveFile: [] },
      grants: new GrantTable(),
      events: [],
      dropped: new Map(),
    };
    await use(host);
    await core.dispose();
    rmSync(userDataDir, { recursive: true, force: true });
  },

  app: async ({ page, host, server }, use) => {
    const handlers = grantedHandlers(
      host.core.handlers,
      {
        openFiles: async () => host.dialogs.openFiles.shift() ?? [],
        saveFile: async () => host.dialogs.saveFile.shift() ?? null,
      },
      host.grants,
    );
    await page.exposeBinding('__glyphInvoke', async (_source, channel: unknown, input: unknown) => {
      try {
        return { ok: true, value: encode(await dispatch(handlers, channel, decode(input))) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    });
    // The preload's half of a drop: the path of a dropped File, then main's files:grantDropped.
    await page.exposeBinding('__glyphPathForFile', (_source, name: unknown) =>
      typeof name === 'string' ? (host.dropped.get(name) ?? '') : '',
    );
    const drops = dropHandlers(host.grants);
    await page.exposeBinding('__glyphGrantDropped', async (_source, path: unknown) => {
      try {
        return { ok: true, value: await dispatchPreload(drops, 'files:grantDropped', path) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    });
    const off = host.core.on((event, payload) => {
      host.events.push({ event, payload });
      page
        .evaluate(
          ([e, p]) => (window as unknown as { __glyphEmit(e: unknown, p: unknown): void }).__glyphEmit(e, p),
          [event, encode(payload)] as const,
        )
        .catch(() => {});
    });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    await page.addInitScript({ content: bridgeScript });
    await page.goto(server.url);
    await use(page);
    off();
    expect(errors, 'the page logged no errors').toEqual([]);
  },
});

export { expect };
