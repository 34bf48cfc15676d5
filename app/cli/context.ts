// What every CLI command starts from: the user-data and resources folders, and a core on them
// (the same services as the app, with the trainer as a Node child process).

import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Core, createCore } from '../core/core';
import { inspectModel, validateModel } from '../core/model-codec';
import { summaryOf } from '../core/model-meta';
import { spawnNodeTrainer } from '../core/spawn-node';
import { readModelDir } from '../core/stores/model-store';
import { CoreError } from '../shared/errors';
import type { ModelPayload } from '../shared/types';

/** The checkout (or installed package) root: app/cli/ is two levels below it. */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Electron's userData for an app named "glyph-lab", so the CLI and the app share models and datasets. */
export function defaultDataDir(): string {
  if (process.env.GLYPH_LAB_HOME) return process.env.GLYPH_LAB_HOME;
  const home = os.homedir();
  if (process.platform === 'win32')
    return path.join(process.env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'glyph-lab');
  if (process.platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'glyph-lab');
  return path.join(process.env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'glyph-lab');
}

export interface GlobalOptions {
  json: boolean;
  dataDir: string;
  resources: string;
}

export async function openCore(options: GlobalOptions): Promise<Core> {
  return createCore({
    userDataDir: options.dataDir,
    resourcesDir: options.resources,
    spawnTrainer: spawnNodeTrainer(),
    log: (message) => {
      if (process.env.GLYPH_LAB_DEBUG) process.stderr.write(`[core] ${message}\n`);
    },
  });
}

/** Runs `fn` on a core opened for this command, and shuts the core (and its trainer) down after. */
export async function withCore<T>(options: GlobalOptions, fn: (core: Core) => Promise<T>): Promise<T> {
  const core = await openCore(options);
  try {
    return await fn(core);
  } finally {
    await core.dispose();
  }
}

/** A model named by id (in the store) or by a folder / model.json path. */
export async function resolveModel(core: Core, ref: string): Promise<ModelPayload & { dir?: string }> {
  const asPath = path.resolve(ref);
  if (existsSync(asPath)) {
    const dir = (await fs.stat(asPath)).isDirectory() ? asPath : path.dirname(asPath);
    try {
      const files = await readModelDir(dir, validateModel, inspectModel);
      return {
        summary: summaryOf(path.basename(dir), files.json, files.parameters, false, new Date().toISOString()),
        json: files.json,
        weights: files.weights,
        dir,
      };
    } catch (error) {
      throw new CoreError(
        'invalid',
        `${ref}: not a Glyph Lab model: ${error instanceof Error ? error.message : error}`,
      );
    }
  }
  return core.handlers['models:get']({ id: ref });
}
