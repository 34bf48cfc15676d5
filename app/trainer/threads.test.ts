// The threads a job trains on: the choice (auto, a number, what cannot split), the worker entry the
// packaged app uses, and through JobRunner (the trainer's own path, real gradient workers): the same
// seed and thread count give the same weights bit for bit, and workers that cannot start or that fail
// end in one thread or a clear error, never a hang.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { MeanSquaredError } from '../../engine/losses/mse';
import { SoftmaxCrossEntropy } from '../../engine/losses/softmax-cross-entropy';
import { Sequential } from '../../engine/model';
import { Rng } from '../../engine/rng';
import { layer } from '../../engine/test-specs';
import { tinySpec } from '../core/test-helpers';
import type { TrainJob } from '../shared/trainer-protocol';
import type { LayerSpecData, TrainingSpec } from '../shared/types';
import { gradientWorkerEntry } from './gradient-workers';
import { doneOf, runJobInProcess } from './test-jobs';
import { chooseThreads, JobThreads } from './threads';

const ROOT = path.resolve(import.meta.dirname, '../..');
const tmp = mkdtempSync(path.join(tmpdir(), 'glyph-threads-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const CNN: LayerSpecData[] = [
  { type: 'conv2d', config: { filters: 4, kernelSize: 5, activation: 'relu' } },
  { type: 'maxpool2d', config: { poolSize: 4 } },
  { type: 'flatten', config: {} },
  { type: 'dense', config: { units: 10 } },
];
const model = (layers: LayerSpecData[]) =>
  new Sequential({ inputShape: [1, 28, 28], layers: layers.map((l) => layer(l.type, l.config)) }, new Rng(1));
const loss = new SoftmaxCrossEntropy();

describe('chooseThreads', () => {
  const cnn = { model: model(CNN), loss, batchSize: 32 };
  const mlp = { model: model(tinySpec().layers!), loss, batchSize: 32 };

  it('auto: every core for a CNN, one for an MLP or a fine-tuned head, one on one core', () => {
    expect(chooseThreads('auto', cnn, 4)).toEqual({
      count: 4,
      reason: '4 threads: CNNs train faster on every core',
    });
    expect(chooseThreads(undefined, cnn, 2).count).toBe(2);
    expect(chooseThreads('auto', mlp, 4)).toEqual({ count: 1, reason: '1 thread: MLPs train faster on one' });
    expect(chooseThreads('auto', { ...cnn, headOnly: true }, 4).count).toBe(1);
    expect(chooseThreads('auto', cnn, 1)).toEqual({
      count: 1,
      reason: '1 thread: this machine has one core',
    });
  });

  it('a number is taken as asked, within the cores; what cannot split trains on one', () => {
    expect(chooseThreads(2, mlp, 2)).toEqual({ count: 2, reason: '2 threads: as asked' });
    expect(chooseThreads(1, cnn, 2)).toEqual({ count: 1, reason: '1 thread: as asked' });
    expect(() => chooseThreads(3, cnn, 2)).toThrow(
      'threads 3: this machine has 2 cores; choose 1 to 2, or auto',
    );
    const norm = model([
      ...CNN.slice(0, 3),
      { type: 'batchNorm', config: {} },
      { type: 'dense', config: { units: 10 } },
    ]);
    expect(chooseThreads(2, { model: norm, loss, batchSize: 32 }, 2).reason).toMatch(
      /^1 thread: .*batch norm/,
    );
    expect(chooseThreads(2, { ...cnn, batchSize: 1 }, 2).count).toBe(1);
    expect(chooseThreads('auto', { ...cnn, loss: new MeanSquaredError({ sigmoid: true }) }, 2).count).toBe(2);
  });
});

describe('gradientWorkerEntry', () => {
  it('bundled, the gradient worker is the bundle beside trainer.js; from source, the .ts entry through tsx', () => {
    const dist = pathToFileURL('/opt/Glyph Lab/resources/app.asar/dist/trainer/trainer.js').href;
    expect(gradientWorkerEntry(dist)).toEqual({
      file: '/opt/Glyph Lab/resources/app.asar/dist/trainer/gradient-worker.js',
      tsx: false,
    });
    const source = pathToFileURL(path.join(ROOT, 'app/trainer/gradient-workers.ts')).href;
    expect(gradientWorkerEntry(source)).toEqual({
      file: path.join(ROOT, 'app/trainer/gradient-worker-entry.ts'),
      tsx: true,
    });
  });

  it('the bundled entry (as scripts/build-electron.ts builds it) serves gradients without tsx', async () => {
    const { build } = await import('esbuild');
    const dist = path.join(tmp, 'app', 'dist', 'trainer');
    // the app's package.json says "type": "module": the bundle is ESM there
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(tmp, 'app', 'package.json'), '{"type": "module"}');
    await build({
      entryPoints: [path.join(ROOT, 'app/trainer/gradient-worker-entry.ts')],
      outfile: path.join(dist, 'gradient-worker.js'),
      bundle: true,
      platform: 'node',
      format: 'esm',
      logLevel: 'warning',
    });
    const entry = gradientWorkerEntry(pathToFileURL(path.join(dist, 'trainer.js')).href);
    const threads = new JobThreads({ count: 2, reason: '2 threads: as asked' }, entry);
    const { train } = await import('../../engine/train');
    const { trainOptionsOf } = await import('./build-model');
    const options = trainOptionsOf(cnnJob().spec);
    const result = await train(model(CNN), syntheticImages(), { ...options, parallel: threads.parallel() });
    expect(result.status).toBe('completed');
    expect(threads.used.count).toBe(2);
  }, 60_000);
});

/** A CNN job on the first MNIST images: few batches. */
const cnnJob = (over: Partial<TrainingSpec> = {}): TrainJob => ({
  type: 'train',
  jobId: 'job-threads',
  spec: tinySpec({ layers: CNN, limit: 160, validationSplit: 0, name: undefined, ...over }),
  data: { kind: 'bundled', datasetId: 'mnist', dataDir: path.join(ROOT, 'datasets', 'data') },
  testFraction: 0,
  progressIntervalMs: 0,
});

const run = runJobInProcess;

describe('a job on two threads (JobRunner, real gradient workers)', () => {
  it('gives the same weights bit for bit for the same seed, and reports its threads', async () => {
    const first = doneOf(await run(cnnJob({ threads: 2 })));
    const second = doneOf(await run(cnnJob({ threads: 2 })));
    expect(first.threads).toEqual({ count: 2, reason: '2 threads: as asked' });
    expect(Buffer.from(second.model.weights).equals(Buffer.from(first.model.weights))).toBe(true);
    const one = doneOf(await run(cnnJob({ threads: 1 })));
    expect(one.threads.count).toBe(1);
    // another thread count: other weights (summed in other shards), equally trained
    expect(Buffer.from(one.model.weights).equals(Buffer.from(first.model.weights))).toBe(false);
  }, 120_000);

  it('progress messages say how many threads train', async () => {
    const sent = await run(cnnJob({ threads: 2 }));
    const progress = sent.filter((m) => m.type === 'progress');
    expect(progress.length).toBeGreaterThan(0);
    for (const p of progress) expect(p.type === 'progress' && p.threads?.count).toBe(2);
  }, 60_000);
});

describe('gradient workers that fail', () => {
  it('cannot start (a missing bundle or .ts entry): the job trains on one thread at once, says why, and gets the one-thread weights', async () => {
    const { train } = await import('../../engine/train');
    const { trainOptionsOf } = await import('./build-model');
    const options = trainOptionsOf(cnnJob().spec);
    const data = syntheticImages();
    const reference = model(CNN);
    await train(reference, data, options);
    for (const missing of [
      { file: path.join(tmp, 'no-such-gradient-worker.js'), tsx: false },
      { file: path.join(tmp, 'no-such-gradient-worker.ts'), tsx: true },
    ]) {
      const threads = new JobThreads({ count: 2, reason: '2 threads: as asked' }, missing);
      const parallel = threads.parallel();
      expect(parallel?.threads).toBe(2);
      const a = model(CNN);
      const started = performance.now();
      const result = await train(a, data, { ...options, parallel });
      // not the 60 s a silent worker is waited for: the failed load raised the shared flag
      expect(performance.now() - started).toBeLessThan(30_000);
      expect(result.status).toBe('completed');
      expect(threads.used.count).toBe(1);
      expect(threads.used.reason).toMatch(/^1 thread: the gradient workers did not start/);
      a.params().forEach((p, i) => {
        expect(p.value.data).toEqual(reference.params()[i]!.value.data);
      });
    }
  }, 90_000);

  it('fails mid-run: the job ends with an error that says what to do', async () => {
    // A worker that says it is ready, then fails at its first step.
    const failing = path.join(tmp, 'failing-worker.cjs');
    writeFileSync(
      failing,
      `const { workerData } = require('node:worker_threads');
const control = new Int32Array(workerData.init.buffer, 0, 8);
Atomics.store(control, 5, 1); // READY
Atomics.wait(control, 0, 0); // GO
Atomics.store(control, 4, 1); // FAILED
Atomics.notify(control, 1);`,
    );
    const threads = new JobThreads(
      { count: 2, reason: '2 threads: as asked' },
      { file: failing, tsx: false },
    );
    const { train } = await import('../../engine/train');
    const { trainOptionsOf } = await import('./build-model');
    const training = threads.run(() =>
      train(model(CNN), syntheticImages(), {
        ...trainOptionsOf(cnnJob().spec),
        parallel: threads.parallel(),
      }),
    );
    await expect(training).rejects.toThrow(
      /^training on 2 threads stopped: a gradient worker failed .*Train again, or on 1 thread/,
    );
  }, 60_000);
});

/** 96 random 28×28 images in 10 classes. */
function syntheticImages() {
  const rng = new Rng(3);
  const n = 96;
  return {
    images: new Float32Array(n * 784).map(() => rng.uniform(0, 1)),
    labels: Int32Array.from({ length: n }, (_, i) => i % 10),
    sampleShape: [1, 28, 28],
  };
}
