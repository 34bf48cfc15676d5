// The core's worker thread, REAL (work-entry.ts through tsx): answers by id, carries CoreError codes
// across, and a thread that dies fails its pending jobs and is replaced on the next one.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreError } from '../shared/errors';
import type { TrainerData } from '../shared/trainer-protocol';
import { tempDir } from './test-helpers';
import { spawnThreadWorker, type WorkerHandle, WorkerThreadWork } from './work-thread';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const mnist: TrainerData = { kind: 'bundled', datasetId: 'mnist', dataDir: path.join(ROOT, 'datasets/data') };

const started: WorkerHandle[] = [];
const spawn = spawnThreadWorker();
const work = new WorkerThreadWork(() => {
  const handle = spawn();
  started.push(handle);
  return handle;
});

afterAll(() => work.close());

describe('WorkerThreadWork', () => {
  it('runs jobs concurrently and gives each caller its own answer', async () => {
    const [a, b] = await Promise.all([
      work.run('images', { data: mnist, split: 'test', indices: [0, 1] }),
      work.run('images', { data: mnist, split: 'test', indices: [5] }),
    ]);
    expect(a.images.length).toBe(2 * 784);
    expect(a.labels).toHaveLength(2);
    expect(b.labels).toHaveLength(1);
  });

  it('carries errors across, with their CoreError code', async () => {
    const past = work.run('images', { data: mnist, split: 'test', indices: [10_000_000] });
    await expect(past).rejects.toBeInstanceOf(CoreError);
    await expect(past).rejects.toMatchObject({ code: 'invalid', message: /past the end of mnist test/ });
    await expect(work.run('decode', { file: path.join(ROOT, 'no-such.png') })).rejects.toThrow(
      /no-such\.png: not a readable image/,
    );
  });

  it('parses a set file off the main thread; a bad one fails as invalid input', async () => {
    const tmp = tempDir('glyph-work-');
    try {
      const ink = Array.from({ length: 784 }, (_, i) => (i % 28 === 14 ? 255 : 0)).join(',');
      writeFileSync(path.join(tmp.dir, 'good.csv'), `a,${ink}\nb,${ink}\n`);
      const set = await work.run('readSet', { format: 'csv', paths: [path.join(tmp.dir, 'good.csv')] });
      expect(set.classes).toEqual(['a', 'b']);
      expect(set.images).toBeInstanceOf(Float32Array);
      expect(set.images.length).toBe(2 * 784);
      writeFileSync(path.join(tmp.dir, 'bad.csv'), 'a,1,2\n');
      await expect(
        work.run('readSet', { format: 'csv', paths: [path.join(tmp.dir, 'bad.csv')] }),
      ).rejects.toMatchObject({ code: 'invalid', message: /bad\.csv line 1/ });
    } finally {
      tmp.remove();
    }
  });

  it('fails the pending jobs of a thread that dies, and starts a fresh one for the next job', async () => {
    const pending = work.run('images', { data: mnist, split: 'train', indices: [0] });
    await started.at(-1)!.terminate();
    await expect(pending).rejects.toThrow(/worker thread stopped/);
    const again = await work.run('images', { data: mnist, split: 'test', indices: [3] });
    expect(again.labels).toHaveLength(1);
    expect(started).toHaveLength(2);
  });
});
