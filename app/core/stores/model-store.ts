// Saved models: `<userDataDir>/models/<id>/{model.json, weights.bin}`, each folder written whole
// (temp folder + rename) so a crash never leaves half a model under a real id. The built-in models
// (`<resourcesDir>/models/<name>/`) are listed read-only as `builtin-<name>`. A folder that is corrupt
// or has an unknown format version is logged, listed in `skipped`, and otherwise ignored.
// The active model per dataset is kept in `<userDataDir>/active-models.json`. Read-modify-writes (a
// model's rename and delete, the active file) run under a per-key queue and, because the app and the
// CLI share the folder, a lock file in `models/.locks/` (datasets/io/file-lock.ts).

import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import {
  isTempName,
  removeDirAtomic,
  sweepTemps,
  writeDirAtomic,
  writeFileAtomic,
} from '../../../datasets/io/atomic';
import { LockTimeoutError, withFileLock } from '../../../datasets/io/file-lock';
import { parseJson } from '../../../datasets/json-text';
import { CoreError, messageOf } from '../../shared/errors';
import { checkModelCard } from '../../shared/model-card-schema';
import type { ModelFiles } from '../../shared/trainer-protocol';
import type { ModelPayload, ModelSummary, SkippedModel } from '../../shared/types';
import { type AppModelMeta, readAppMeta, summaryOf, withAppMeta } from '../model-meta';
import { KeyedQueue } from './keyed-queue';

export const MODEL_JSON = 'model.json';
export const WEIGHTS_BIN = 'weights.bin';
const BUILTIN_PREFIX = 'builtin-';
/** Lock key of active-models.json; a model id cannot contain a dot, so it names no model. */
const ACTIVE = 'active-models.json';

/** Checks a model pair with the engine (format, version, layers, weight count, values); returns its parameter count. */
export type ValidateModel = (files: ModelFiles) => { parameters: number };

/**
 * Checks model.json against the weights' byte length by arithmetic (format, layers, shapes, sizes)
 * without reading the weights or building anything; returns the parameter count.
 */
export type InspectModel = (
  json: Record<string, unknown>,
  weightsByteLength: number,
) => { parameters: number };

/** The engine's two checks, injected so the store's tests can stand in for them. */
export interface ModelChecks {
  /** Listing: cheap, metadata only. */
  inspect: InspectModel;
  /** Loading, activating, importing: the whole model. */
  validate: ValidateModel;
}

/** A model.json past this is not one Glyph Lab wrote (the built-in ones are ~40 KB). */
export const MAX_MODEL_JSON_BYTES = 16 * 1024 * 1024;

interface Entry {
  summary: ModelSummary;
  dir: string;
}

/**
 * model.json of a model folder, parsed (nesting bounded) and its card checked, and the weights'
 * byte length; nothing else is read. Throws a one-line reason naming the file.
 */
async function readModelJson(dir: string): Promise<{ json: Record<string, unknown>; weightsBytes: number }> {
  const jsonFile = path.join(dir, MODEL_JSON);
  const jsonStat = await fs.stat(jsonFile).catch(() => null);
  if (!jsonStat?.isFile()) throw new Error(`no ${MODEL_JSON}`);
  const weightsStat = await fs.stat(path.join(dir, WEIGHTS_BIN)).catch(() => null);
  if (!weightsStat?.isFile()) throw new Error(`no ${WEIGHTS_BIN}`);
  if (jsonStat.size > MAX_MODEL_JSON_BYTES) {
    throw new Error(
      `${jsonFile}: ${jsonStat.size} bytes, more than a model.json may hold (${MAX_MODEL_JSON_BYTES})`,
    );
  }
  const json = parseJson(await fs.readFile(jsonFile, 'utf8'), jsonFile);
  if (json === null || typeof json !== 'object' || Array.isArray(json))
    throw new Error(`${jsonFile} is not an object`);
  checkModelCard(json, jsonFile);
  return { json: json as Record<string, unknown>, weightsBytes: weightsStat.size };
}

/** Engine errors name the file they are about (`model file: layer 1 (dense): ...` → `<dir>/model.json: ...`). */
function inFile(dir: string, check: () => { parameters: number }): { parameters: number } {
  try {
    return check();
  } catch (error) {
    throw new Error(`${path.join(dir, MODEL_JSON)}: ${messageOf(error)}`);
  }
}

/**
 * A model folder's metadata for listing: model.json and its card checked, its sizes checked against
 * the weights' byte length by arithmetic; the weights are neither read nor decoded.
 */
export async function readModelMeta(
  dir: string,
  inspect: InspectModel,
): Promise<{ json: Record<string, unknown>; parameters: number }> {
  const { json, weightsBytes } = await readModelJson(dir);
  return { json, ...inFile(dir, () => inspect(json, weightsBytes)) };
}

/** Read and check a model folder whole; throws a one-line reason when it is not a usable model. */
export async function readModelDir(
  dir: string,
  validate: ValidateModel,
  inspect?: InspectModel,
): Promise<ModelFiles & { parameters: number }> {
  const { json, weightsBytes } = await readModelJson(dir);
  // sized by arithmetic first, so a file declaring a huge network is refused before its weights are read
  if (inspect) inFile(dir, () => inspect(json, weightsBytes));
  let weights: Uint8Array;
  try {
    const buffer = await fs.readFile(path.join(dir, WEIGHTS_BIN));
    weights = new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  } catch {
    throw new Error(`no ${WEIGHTS_BIN}`);
  }
  const files = { json, weights };
  return { ...files, ...inFile(dir, () => validate(files)) };
}

export class ModelStore {
  private readonly queue = new KeyedQueue();
  /** Folders skipped by the last `list()`, with the reason. */
  skipped: SkippedModel[] = [];

  constructor(
    private readonly userDir: string,
    private readonly builtinDir: string,
    private readonly checks: ModelChecks,
    private readonly log: (message: string) => void = () => {},
  ) {}

  private get modelsDir(): string {
    return path.join(this.userDir, 'models');
  }

  private get activeFile(): string {
    return path.join(this.userDir, 'active-models.json');
  }

  /** Run `task` alone for `key` (a model id, or ACTIVE), in this process and across processes. */
  private exclusive<T>(key: string, task: () => Promise<T>): Promise<T> {
    return this.queue.run(key, async () => {
      try {
        return await withFileLock(path.join(this.modelsDir, '.locks', `${key}.lock`), task);
      } catch (error) {
        if (!(error instanceof LockTimeoutError)) throw error;
        throw new CoreError('busy', `the model store is being changed by another program: ${error.message}`);
      }
    });
  }

  private dirOf(id: string): string {
    if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(id))
      throw new CoreError('not-found', `no model ${JSON.stringify(id)}`);
    return id.startsWith(BUILTIN_PREFIX)
      ? path.join(this.builtinDir, id.slice(BUILTIN_PREFIX.length))
      : path.join(this.modelsDir, id);
  }

  private async scan(root: string, builtin: boolean): Promise<Entry[]> {
    let names: string[];
    try {
      names = await fs.readdir(root);
    } catch {
      return [];
    }
    const out: Entry[] = [];
    for (const name of names.sort()) {
      if (isTempName(name) || name.startsWith('.')) continue;
      const dir = path.join(root, name);
      if (!(await fs.stat(dir).catch(() => null))?.isDirectory()) continue;
      const id = builtin ? `${BUILTIN_PREFIX}${name}` : name;
      try {
        // metadata only: a listing neither reads weights nor builds networks (load and import do)
        const meta = await readModelMeta(dir, this.checks.inspect);
        const time = (await fs.stat(path.join(dir, MODEL_JSON))).mtime.toISOString();
        out.push({ dir, summary: summaryOf(id, meta.json, meta.parameters, builtin, time) });
      } catch (error) {
        const reason = messageOf(error);
        this.skipped.push({ id, reason });
        this.log(`models: skipped ${builtin ? 'built-in ' : ''}${name}: ${reason}`);
      }
    }
    return out;
  }

  /** Every usable model, built-in first, then the user's, newest first. */
  async list(): Promise<ModelSummary[]> {
    this.skipped = [];
    const builtins = await this.scan(this.builtinDir, true);
    const own = await this.scan(this.modelsDir, false);
    own.sort((a, b) => b.summary.createdAt.localeCompare(a.summary.createdAt));
    return [...builtins, ...own].map((e) => e.summary);
  }

  async get(id: string): Promise<ModelPayload> {
    const dir = this.dirOf(id);
    let files: ModelFiles & { parameters: number };
    try {
      files = await readModelDir(dir, this.checks.validate, this.checks.inspect);
    } catch (error) {
      if (!(await fs.stat(dir).catch(() => null)))
        throw new CoreError('not-found', `no model ${JSON.stringify(id)}`);
      throw new CoreError('invalid', `model ${id} cannot be read: ${messageOf(error)}`);
    }
    const time = (await fs.stat(path.join(dir, MODEL_JSON))).mtime.toISOString();
    const summary = summaryOf(id, files.json, files.parameters, id.startsWith(BUILTIN_PREFIX), time);
    return { summary, json: files.json, weights: files.weights };
  }

  /** Path of a model's folder (for export). */
  async folder(id: string): Promise<string> {
    await this.get(id);
    return this.dirOf(id);
  }

  /** Save a new model (validated first); returns its summary. */
  async save(files: ModelFiles, meta: AppModelMeta): Promise<ModelSummary> {
    const json = withAppMeta(files.json, meta);
    const { parameters } = this.checks.validate({ json, weights: files.weights });
    const id = `m${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
    await writeDirAtomic(path.join(this.modelsDir, id), {
      [MODEL_JSON]: `${JSON.stringify(json)}\n`,
      [WEIGHTS_BIN]: files.weights,
    });
    return summaryOf(id, json, parameters, false, meta.createdAt);
  }

  private mutable(id: string): string {
    if (id.startsWith(BUILTIN_PREFIX))
      throw new CoreError('read-only', `the built-in model ${id} cannot be changed`);
    return this.dirOf(id);
  }

  async rename(id: string, name: string): Promise<ModelSummary> {
    const dir = this.mutable(id);
    return this.exclusive(id, async () => {
      const payload = await this.get(id);
      const meta = { ...readAppMeta(payload.json), name } as AppModelMeta;
      await writeFileAtomic(
        path.join(dir, MODEL_JSON),
        `${JSON.stringify(withAppMeta(payload.json, meta))}\n`,
      );
      return { ...payload.summary, name };
    });
  }

  async delete(id: string): Promise<void> {
    const dir = this.mutable(id);
    return this.exclusive(id, async () => {
      if (!(await fs.stat(dir).catch(() => null)))
        throw new CoreError('not-found', `no model ${JSON.stringify(id)}`);
      await removeDirAtomic(dir);
      await this.exclusive(ACTIVE, async () => {
        const active = await this.readActive();
        for (const [datasetId, modelId] of Object.entries(active))
          if (modelId === id) delete active[datasetId];
        await writeFileAtomic(this.activeFile, JSON.stringify(active, null, 2));
      });
    });
  }

  private async readActive(): Promise<Record<string, string>> {
    try {
      const data = parseJson(await fs.readFile(this.activeFile, 'utf8'), this.activeFile);
      return data !== null && typeof data === 'object' ? (data as Record<string, string>) : {};
    } catch {
      return {};
    }
  }

  async activate(id: string): Promise<ModelSummary> {
    const { summary } = await this.get(id);
    await this.exclusive(ACTIVE, async () => {
      const active = await this.readActive();
      active[summary.datasetId] = id;
      await writeFileAtomic(this.activeFile, JSON.stringify(active, null, 2));
    });
    return summary;
  }

  /** The active model for a dataset: the chosen one if still readable, else the built-in for it, else null. */
  async active(datasetId: string): Promise<ModelPayload | null> {
    const chosen = (await this.readActive())[datasetId];
    if (chosen) {
      try {
        return await this.get(chosen);
      } catch (error) {
        this.log(
          `models: active model ${chosen} for ${datasetId} unusable (${messageOf(error)}); using the built-in`,
        );
      }
    }
    const builtin = (await this.list()).find((m) => m.builtin && m.datasetId === datasetId);
    return builtin ? this.get(builtin.id) : null;
  }

  /** Copy a model folder from elsewhere into the store; nothing is written unless it is a valid model. */
  async importFrom(source: string): Promise<ModelSummary> {
    const stat = await fs.stat(source).catch(() => null);
    if (!stat) throw new CoreError('not-found', `no such file or folder: ${source}`);
    const dir = stat.isDirectory() ? source : path.dirname(source);
    let files: ModelFiles;
    try {
      files = await readModelDir(dir, this.checks.validate, this.checks.inspect);
    } catch (error) {
      throw new CoreError('invalid', `not a Glyph Lab model (${source}): ${messageOf(error)}`);
    }
    const meta = readAppMeta(files.json);
    const now = new Date().toISOString();
    return this.save(files, {
      name: meta.name ?? path.basename(dir),
      datasetId: meta.datasetId ?? 'unknown',
      task: meta.task ?? 'custom',
      classes: meta.classes ?? [],
      architecture: meta.architecture ?? 'custom',
      metrics: meta.metrics ?? {},
      ...meta,
      createdAt: now,
      importedFrom: source,
    });
  }

  /** Remove temp leftovers of interrupted saves. */
  async sweep(): Promise<number> {
    return sweepTemps(this.modelsDir);
  }
}
