// The model store with the engine's real checks, on hostile model folders built in a temp folder
// (issue 14: a 1 KB model.json declaring a 1,000,000-unit layer; weights of ±3.4e38).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeDirAtomic } from '../../datasets/io/atomic';
import { hugeModelJson } from '../../engine/test-specs';
import { modelChecks } from './model-codec';
import { ModelStore } from './stores/model-store';
import { tempDir, tinyModelFiles } from './test-helpers';

let tmp: ReturnType<typeof tempDir>;
let store: ModelStore;
let models: string;
beforeEach(() => {
  tmp = tempDir();
  store = new ModelStore(path.join(tmp.dir, 'user'), path.join(tmp.dir, 'none'), modelChecks);
  models = path.join(tmp.dir, 'user', 'models');
});
afterEach(() => tmp.remove());

describe('model folders checked by the engine', () => {
  it('refuses a 1 KB model.json declaring a 1,000,000-unit layer by arithmetic, when listing and importing', async () => {
    const text = JSON.stringify(hugeModelJson());
    expect(text.length).toBeLessThan(1024);
    await writeDirAtomic(path.join(models, 'huge'), {
      'model.json': text,
      'weights.bin': new Uint8Array(16),
    });
    // building it would allocate 6 GB and take minutes: the refusal names the file and the layer
    expect(await store.list()).toEqual([]);
    expect(store.skipped).toEqual([
      {
        id: 'huge',
        reason: expect.stringMatching(
          /huge\/model\.json: model file: layer 1 \(dense\): the output \[1000000\] has a dimension over the limit of 65,536$/,
        ),
      },
    ]);
    await expect(store.importFrom(path.join(models, 'huge'))).rejects.toThrow(/layer 1 \(dense\)/);
    await expect(store.get('huge')).rejects.toThrow(/layer 1 \(dense\)/);
  });

  it('refuses weights of ±3.4e38 on load and import, while a sound copy loads', async () => {
    const files = tinyModelFiles();
    await writeDirAtomic(path.join(tmp.dir, 'sound'), {
      'model.json': JSON.stringify(files.json),
      'weights.bin': files.weights,
    });
    expect((await store.importFrom(path.join(tmp.dir, 'sound'))).parameters).toBe(784 * 2 + 2);
    const huge = Uint8Array.from(files.weights);
    new DataView(huge.buffer).setFloat32(8, -3.4e38, true);
    await writeDirAtomic(path.join(tmp.dir, 'saturated'), {
      'model.json': JSON.stringify(files.json),
      'weights.bin': huge,
    });
    await expect(store.importFrom(path.join(tmp.dir, 'saturated'))).rejects.toThrow(
      /saturated\/model\.json: model file: tensor 1\.dense\.kernel holds -3\.40e\+38 at index 2 \(weights must be within ±1e\+6\)/,
    );
    await fs.cp(path.join(tmp.dir, 'saturated'), path.join(models, 'saturated'), { recursive: true });
    await expect(store.get('saturated')).rejects.toThrow(/within ±1e\+6/);
  });
});
