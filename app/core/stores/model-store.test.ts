import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMP_PREFIX, writeDirAtomic } from '../../../datasets/io/atomic';
import type { ModelFiles } from '../../shared/trainer-protocol';
import type { AppModelMeta } from '../model-meta';
import { tempDir } from '../test-helpers';
import { type InspectModel, type ModelChecks, ModelStore } from './model-store';

// A stand-in for the engine's checks, so these tests exercise only the store: version 1 of format "t".
// `validated` counts the full checks (the ones that read the weights).
let validated = 0;
const inspect: InspectModel = (json, weightsByteLength) => {
  if (json.format !== 't') throw new Error(`unknown format ${String(json.format)}`);
  if (json.version !== 1) throw new Error(`unknown version ${String(json.version)}`);
  if (weightsByteLength !== 16) throw new Error('weights have the wrong size');
  return { parameters: 4 };
};
const checks: ModelChecks = {
  inspect,
  validate: ({ json, weights }) => {
    validated++;
    if (weights.some((b) => b === 0xff)) throw new Error('weights hold NaN');
    return inspect(json, weights.byteLength);
  },
};

const files = (): ModelFiles => ({ json: { format: 't', version: 1 }, weights: new Uint8Array(16) });
const meta = (name: string, datasetId = 'mnist'): AppModelMeta => ({
  name,
  datasetId,
  task: 'digits',
  classes: ['0', '1'],
  architecture: 'mlp',
  createdAt: new Date().toISOString(),
  metrics: { testAccuracy: 0.5 },
});

let tmp: ReturnType<typeof tempDir>;
let builtinDir: string;
let logged: string[];
let store: ModelStore;

beforeEach(async () => {
  tmp = tempDir();
  builtinDir = path.join(tmp.dir, 'resources', 'models');
  logged = [];
  store = new ModelStore(path.join(tmp.dir, 'user'), builtinDir, checks, (m) => logged.push(m));
  const builtin = files();
  builtin.json = { ...builtin.json, metadata: { glyphLab: meta('Digits (built-in)') } };
  await writeDirAtomic(path.join(builtinDir, 'digits'), {
    'model.json': JSON.stringify(builtin.json),
    'weights.bin': builtin.weights,
  });
});
afterEach(() => tmp.remove());

describe('ModelStore', () => {
  it('saves, lists, gets, renames, activates and deletes', async () => {
    const saved = await store.save(files(), meta('first'));
    const list = await store.list();
    expect(list.map((m) => [m.id, m.builtin])).toEqual([
      ['builtin-digits', true],
      [saved.id, false],
    ]);
    const payload = await store.get(saved.id);
    expect(payload.summary.name).toBe('first');
    expect(payload.summary.metrics.testAccuracy).toBe(0.5);
    expect(payload.weights.byteLength).toBe(16);

    expect((await store.rename(saved.id, 'renamed')).name).toBe('renamed');
    expect((await store.get(saved.id)).summary.name).toBe('renamed');

    expect((await store.active('mnist'))?.summary.id).toBe('builtin-digits');
    await store.activate(saved.id);
    expect((await store.active('mnist'))?.summary.id).toBe(saved.id);
    await store.delete(saved.id);
    expect((await store.active('mnist'))?.summary.id).toBe('builtin-digits');
    expect(await store.active('letters')).toBeNull();
    await expect(store.get(saved.id)).rejects.toThrow(/no model/);
  });

  it('keeps built-in models read-only', async () => {
    await expect(store.delete('builtin-digits')).rejects.toThrow(/cannot be changed/);
    await expect(store.rename('builtin-digits', 'x')).rejects.toThrow(/cannot be changed/);
  });

  it('skips corrupt and unknown-version models (logged, listed as skipped), never crashes', async () => {
    const good = await store.save(files(), meta('good'));
    const user = path.join(tmp.dir, 'user', 'models');
    await fs.mkdir(path.join(user, 'corrupt'));
    await fs.writeFile(path.join(user, 'corrupt', 'model.json'), '{"format": "t", "vers');
    await fs.writeFile(path.join(user, 'corrupt', 'weights.bin'), new Uint8Array(16));
    await writeDirAtomic(path.join(user, 'future'), {
      'model.json': JSON.stringify({ format: 't', version: 99 }),
      'weights.bin': new Uint8Array(16),
    });
    await writeDirAtomic(path.join(user, 'short'), {
      'model.json': JSON.stringify({ format: 't', version: 1 }),
      'weights.bin': new Uint8Array(3),
    });
    const list = await store.list();
    expect(list.map((m) => m.id)).toEqual(['builtin-digits', good.id]);
    expect(store.skipped.map((s) => s.id).sort()).toEqual(['corrupt', 'future', 'short']);
    expect(store.skipped.find((s) => s.id === 'future')?.reason).toMatch(/unknown version 99/);
    expect(logged.length).toBe(3);
    await expect(store.get('corrupt')).rejects.toThrow(/cannot be read/);
  });

  it('survives a save interrupted by a kill: temp folders are ignored and swept', async () => {
    const user = path.join(tmp.dir, 'user', 'models');
    await fs.mkdir(path.join(user, `${TEMP_PREFIX}42-dead`), { recursive: true });
    await fs.writeFile(path.join(user, `${TEMP_PREFIX}42-dead`, 'model.json'), '{"format":');
    const good = await store.save(files(), meta('good'));
    expect((await store.list()).map((m) => m.id)).toEqual(['builtin-digits', good.id]);
    expect(store.skipped).toEqual([]);
    expect(await store.sweep()).toBe(1);
  });

  it('saves concurrently without collisions', async () => {
    const saved = await Promise.all(Array.from({ length: 10 }, (_, i) => store.save(files(), meta(`m${i}`))));
    expect(new Set(saved.map((s) => s.id)).size).toBe(10);
    expect((await store.list()).length).toBe(11);
  });

  it('imports a valid model folder and rejects a foreign one without writing anything', async () => {
    const source = path.join(tmp.dir, 'elsewhere');
    await writeDirAtomic(source, {
      'model.json': JSON.stringify({ format: 't', version: 1 }),
      'weights.bin': new Uint8Array(16),
    });
    const imported = await store.importFrom(path.join(source, 'model.json'));
    expect(imported.builtin).toBe(false);
    const foreign = path.join(tmp.dir, 'foreign');
    await writeDirAtomic(foreign, {
      'model.json': JSON.stringify({ hello: 1 }),
      'weights.bin': new Uint8Array(16),
    });
    const before = (await store.list()).length;
    await expect(store.importFrom(foreign)).rejects.toThrow(/not a Glyph Lab model/);
    await expect(store.importFrom(path.join(tmp.dir, 'missing'))).rejects.toThrow(/no such file/);
    expect((await store.list()).length).toBe(before);
  });

  it('lists from metadata only: weights are neither read nor checked until a model is loaded', async () => {
    const saved = await store.save(files(), meta('nan inside'));
    await fs.writeFile(
      path.join(tmp.dir, 'user', 'models', saved.id, 'weights.bin'),
      new Uint8Array(16).fill(0xff),
    );
    validated = 0;
    expect((await store.list()).map((m) => m.id)).toEqual(['builtin-digits', saved.id]);
    expect(validated).toBe(0);
    await expect(store.get(saved.id)).rejects.toThrow(/cannot be read: .*model\.json: weights hold NaN/);
    await expect(store.activate(saved.id)).rejects.toThrow(/weights hold NaN/);
  });

  it('refuses a model card with malformed fields by name, on import, on load and when listing', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ training: {} }, /metadata\.glyphLab\.training\.spec: /],
      [{ metrics: 'oops' }, /metadata\.glyphLab\.metrics: /],
      [{ suspicious: { id: 1 } }, /metadata\.glyphLab\.suspicious: /],
      [{ classes: [1, 2] }, /metadata\.glyphLab\.classes\[0\]: /],
      [{ createdAt: 'yesterday' }, /metadata\.glyphLab\.createdAt: expected a date/],
      [{ fineTune: { baseModelId: 'x' } }, /metadata\.glyphLab\.fineTune\.baseModelName: /],
    ];
    for (const [glyphLab, error] of cases) {
      const source = path.join(tmp.dir, 'bad-card');
      await writeDirAtomic(source, {
        'model.json': JSON.stringify({ format: 't', version: 1, metadata: { glyphLab } }),
        'weights.bin': new Uint8Array(16),
      });
      await expect(store.importFrom(source)).rejects.toThrow(error);
      await fs.rm(source, { recursive: true });
    }
    await writeDirAtomic(path.join(tmp.dir, 'user', 'models', 'edited'), {
      'model.json': JSON.stringify({ format: 't', version: 1, normalization: 'oops' }),
      'weights.bin': new Uint8Array(16),
    });
    expect((await store.list()).map((m) => m.id)).toEqual(['builtin-digits']);
    expect(store.skipped[0]?.reason).toMatch(/edited\/model\.json: normalization: /);
    await expect(store.get('edited')).rejects.toThrow(/model\.json: normalization: /);
  });

  it('refuses a 100,000-deep model.json with a clear error and writes nothing', async () => {
    const source = path.join(tmp.dir, 'deep');
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    await writeDirAtomic(source, {
      'model.json': `{"format": "t", "version": 1, "metadata": {"other": ${deep}}}`,
      'weights.bin': new Uint8Array(16),
    });
    const before = (await store.list()).length;
    await expect(store.importFrom(source)).rejects.toThrow(
      /deep\/model\.json: JSON nested deeper than 64 levels/,
    );
    expect((await store.list()).length).toBe(before);
  });
});
