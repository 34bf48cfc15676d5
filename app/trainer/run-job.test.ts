// One job in the trainer, in process: JobRunner on tiny slices of real data (the first MNIST images,
// custom sets written as PNG folders in a temp dir), the real engine, and the messages it sends.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { tinyMlp, tinySpec } from '../core/test-helpers';
import type { ModelFiles, TrainerData, TrainerOut, TrainJob } from '../shared/trainer-protocol';
import type { TrainingSpec } from '../shared/types';
import { JobRunner } from './run-job';

const ROOT = path.resolve(import.meta.dirname, '../..');
const MNIST: TrainerData = {
  kind: 'bundled',
  datasetId: 'mnist',
  dataDir: path.join(ROOT, 'datasets', 'data'),
};
const tmp = mkdtempSync(path.join(tmpdir(), 'glyph-run-job-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The tiny spec without a name: the trainer's own default applies. */
const spec = (over: Partial<TrainingSpec> = {}): TrainingSpec => tinySpec({ name: undefined, ...over });

const job = (over: Partial<TrainJob> = {}): TrainJob => ({
  type: 'train',
  jobId: 'job-1',
  spec: spec(),
  data: MNIST,
  testFraction: 0,
  progressIntervalMs: 0,
  ...over,
});

/** Run a job to its end; `onMessage` may steer the runner (pause, cancel) as messages arrive. */
async function run(
  j: TrainJob,
  onMessage?: (m: TrainerOut, runner: JobRunner) => void,
): Promise<TrainerOut[]> {
  const sent: TrainerOut[] = [];
  const runner: JobRunner = new JobRunner(j, (m) => {
    sent.push(m);
    onMessage?.(m, runner);
  });
  await runner.run();
  return sent;
}

/** A `run` listener that acts on the runner once, at its first progress message. */
function atFirstProgress(act: (runner: JobRunner) => void): (m: TrainerOut, runner: JobRunner) => void {
  let done = false;
  return (m, runner) => {
    if (m.type !== 'progress' || done) return;
    done = true;
    act(runner);
  };
}

/** The last message of a type (ES2022 has no findLast). */
const last = <T extends TrainerOut['type']>(sent: TrainerOut[], type: T) =>
  sent.filter((m): m is Extract<TrainerOut, { type: T }> => m.type === type).at(-1);

/** A 28×28 grey PNG with a vertical bar at column `x` (255 = ink, as the sample store writes). */
async function barPng(x: number): Promise<Buffer> {
  const pixels = Buffer.alloc(784);
  for (let y = 4; y < 24; y++) pixels[y * 28 + x] = 255;
  // One grey channel: the trainer reads such a PNG as is (anything else is re-centred and scaled).
  return sharp(pixels, { raw: { width: 28, height: 28, channels: 1 } })
    .toColourspace('b-w')
    .png()
    .toBuffer();
}

/** A custom set as the trainer reads it: `<dir>/<folder>/<id>.png`, one folder per class. */
async function customSet(
  id: string,
  classes: Record<string, number[]>,
): Promise<Extract<TrainerData, { kind: 'folder' }>> {
  const dir = path.join(tmp, id);
  const labels = Object.keys(classes);
  const folders = labels.map((_, c) => `class-${c}`);
  for (const [c, label] of labels.entries()) {
    mkdirSync(path.join(dir, folders[c]!), { recursive: true });
    for (const [i, x] of classes[label]!.entries())
      writeFileSync(path.join(dir, folders[c]!, `s${String(i).padStart(2, '0')}.png`), await barPng(x));
  }
  return { kind: 'folder', datasetId: id, dir, classes: labels, folders };
}

/** The digits model the first test trains (trained again when that test is filtered out). */
let trained: ModelFiles | undefined;
const digitsModel = async () => trained ?? last(await run(job()), 'done')!.model;

describe('JobRunner on a bundled set', () => {
  it('reports started, progress, epoch ends and checkpoints, then the evaluation on the test split', async () => {
    const sent = await run(job({ spec: spec({ epochs: 2 }) }));
    const types = sent.map((m) => m.type);
    expect(types[0]).toBe('started');
    expect(types.at(-1)).toBe('done');
    // Each epoch ends with its metrics, then a checkpoint of the weights after it.
    expect(types.filter((t) => t === 'epochEnd' || t === 'checkpoint')).toEqual([
      'epochEnd',
      'checkpoint',
      'epochEnd',
      'checkpoint',
    ]);

    // 512 images, a tenth for validation; `limit` cuts the training images only: the test split is whole.
    expect(sent[0]).toEqual({
      type: 'started',
      jobId: 'job-1',
      trainCount: 461,
      validationCount: 51,
      testCount: 10000,
    });

    // Epochs and batches count from 1; the last report of the job is the whole of it.
    const progress = sent.filter((m) => m.type === 'progress');
    expect(progress[0]).toMatchObject({ epoch: 1, epochs: 2 });
    expect(progress.at(-1)).toMatchObject({ epoch: 2, fraction: 1, etaSeconds: 0 });
    const p = progress.at(-1)!;
    expect(p.type === 'progress' && p.batch === p.batches).toBe(true);
    for (const m of progress) if (m.type === 'progress') expect(m.fraction).toBeLessThanOrEqual(1);

    const checkpoints = sent.filter((m) => m.type === 'checkpoint');
    expect(checkpoints.map((m) => m.type === 'checkpoint' && m.epoch)).toEqual([1, 2]);

    const done = last(sent, 'done')!;
    expect(done.history.map((h) => h.epoch)).toEqual([1, 2]);
    expect(done.history).toEqual(sent.flatMap((m) => (m.type === 'epochEnd' ? [m.metrics] : [])));
    expect(done.history[1]!.valAccuracy).toBeDefined();
    const e = done.evaluation;
    expect(e).toMatchObject({ datasetId: 'mnist', split: 'test', count: 10000 });
    expect(e.confusion).toHaveLength(10);
    const diagonal = e.confusion.reduce((sum, row, i) => sum + row[i]!, 0);
    expect(e.confusion.flat().reduce((a, b) => a + b, 0)).toBe(10000);
    expect(e.accuracy).toBeCloseTo(diagonal / 10000, 6);
    expect(e.accuracy).toBeGreaterThan(0.5); // 2 epochs on 461 digits: far above chance (0.1)
    // 784·16 + 16 + 16·10 + 10 parameters, each a float32 of the weights file.
    expect(done.parameters).toBe(12_730);
    expect(done.model.weights.byteLength).toBe(12_730 * 4);
    expect(done.model.json.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(done.data).toMatchObject({ trainImages: 461, validationImages: 51, testImages: 10000 });
    expect(Object.values(done.data.perClass).reduce((a, b) => a + b, 0)).toBe(512);
    // Bundled sets have no sample ids: no suspicious-sample check, and no fine-tuning report.
    expect(done.suspicious).toBeUndefined();
    expect(done.fineTune).toBeUndefined();
    trained = done.model;
  });

  it('sends progress no more often than the job asks, but always the last batch of an epoch', async () => {
    const sent = await run(job({ progressIntervalMs: Number.POSITIVE_INFINITY, spec: spec({ epochs: 2 }) }));
    const progress = sent.filter((m) => m.type === 'progress');
    expect(progress.map((m) => m.type === 'progress' && [m.epoch, m.batch === m.batches])).toEqual([
      [1, true],
      [2, true],
    ]);
  });

  it('pauses and resumes between batches, once each however often it is asked', async () => {
    const sent = await run(
      job({ spec: spec({ epochs: 2 }) }),
      atFirstProgress((runner) => {
        runner.pause();
        runner.pause();
        // The gate holds the loop at its next batch; resume from outside it.
        setTimeout(() => {
          runner.resume();
          runner.resume();
        }, 20);
      }),
    );
    const types = sent.map((m) => m.type);
    expect(types.filter((t) => t === 'paused' || t === 'resumed')).toEqual(['paused', 'resumed']);
    expect(types.at(-1)).toBe('done');
  });

  it('cancels a paused job: it ends with cancelled and sends no model', async () => {
    const sent = await run(
      job({ spec: spec({ epochs: 50 }) }),
      atFirstProgress((runner) => {
        runner.pause();
        setTimeout(() => runner.cancel(), 20);
      }),
    );
    expect(sent.at(-1)).toEqual({ type: 'cancelled', jobId: 'job-1' });
    expect(sent.some((m) => m.type === 'done')).toBe(false);
    expect(sent.filter((m) => m.type === 'checkpoint').length).toBeLessThan(50);
  });

  it('stops a diverging job with kind diverged, the learning rate in the message and no weights to keep', async () => {
    const dense = (units: number) => ({ type: 'dense', config: { units } });
    const sent = await run(
      job({
        spec: spec({
          layers: [{ type: 'flatten', config: {} }, dense(16), dense(16), dense(16), dense(10)],
          optimizer: { type: 'sgd', config: {} },
          learningRate: 10,
          limit: 1024,
        }),
      }),
    );
    const end = sent.at(-1)!;
    expect(end.type).toBe('error');
    if (end.type !== 'error') return;
    expect(end.kind).toBe('diverged');
    expect(end.message).toMatch(/learning rate 10 is too high .*lower it/);
    // It diverged inside epoch 1: no finished epoch, so no last good weights.
    expect(sent.some((m) => m.type === 'epochEnd')).toBe(false);
    expect(end.lastGood).toBeUndefined();
  });
});

describe('JobRunner on a custom set', () => {
  it('holds out every 5th sample of a class, and flags the held-out sample whose label is wrong', async () => {
    // "left" bars near column 7, "right" bars near column 20; left's 5th sample is a right bar.
    const left = [6, 7, 8, 6, 20, 7, 8, 6, 7, 8];
    const right = [19, 20, 21, 19, 20, 21, 19, 20, 21, 19];
    const data = await customSet('bars', { left, right });
    const sent = await run(
      job({
        data,
        testFraction: 0.2,
        spec: spec({
          datasetId: 'bars',
          layers: tinyMlp(2),
          epochs: 20,
          batchSize: 4,
          validationSplit: 0,
          limit: undefined,
        }),
      }),
    );
    expect(sent[0]).toMatchObject({ type: 'started', trainCount: 16, validationCount: 0, testCount: 4 });
    const done = last(sent, 'done');
    expect(done, JSON.stringify(sent.at(-1))).toBeDefined();
    if (!done) return;
    expect(done.model.json.classes).toEqual(['left', 'right']);
    expect(done.evaluation).toMatchObject({ datasetId: 'bars', count: 4 });
    expect(done.data.perClass).toEqual({ left: 8, right: 8 });
    // The mislabelled sample is s04 of "left"; the model never trained on it and calls it right.
    expect(done.suspicious).toEqual([
      expect.objectContaining({ id: 's04', label: 'left', predicted: 'right' }),
    ]);
    expect(done.suspicious![0]!.labelProbability).toBeLessThan(0.1);
    expect(done.evaluation.accuracy).toBe(0.75);
  });

  it('fine-tunes a base model: classes extended, replay drawn from the base set, before/after reported', async () => {
    const data = await customSet('stars', { '1': [13, 14, 13, 14, 13], '★': [4, 5, 4, 5, 4] });
    const sent = await run(
      job({
        data,
        testFraction: 0.2,
        base: await digitsModel(),
        baseInfo: { id: 'tiny-mnist', name: 'tiny', datasetTitle: 'Stars' },
        replay: { data: MNIST, count: 300 },
        spec: spec({
          datasetId: 'stars',
          baseModelId: 'tiny-mnist',
          layers: undefined,
          epochs: 2,
          validationSplit: 0,
          limit: undefined,
        }),
      }),
    );
    const done = last(sent, 'done');
    expect(done, JSON.stringify(sent.at(-1))).toBeDefined();
    if (!done) return;
    expect(done.model.json.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '★']);
    const report = done.fineTune!;
    expect(report).toMatchObject({
      baseModelId: 'tiny-mnist',
      baseModelName: 'tiny',
      newClasses: ['★'],
      layers: 'head',
      customSamples: 8,
      copies: 0, // augmentation off: no augmented copies
      replayedFrom: 'mnist',
    });
    // Replay is a seeded sample of MNIST's training split, up to the count asked for.
    expect(report.replayed).toBeGreaterThan(250);
    expect(report.replayed).toBeLessThanOrEqual(300);
    expect(report.base).toMatchObject({
      on: 'MNIST handwritten digits test split, first 2,000 images',
      count: 2000,
    });
    expect(report.custom).toMatchObject({ on: '2 held-out samples of Stars', count: 2 });
    // "Before", the base model cannot name ★: at most the held-out "1" is right.
    expect(report.custom!.before).toBeLessThanOrEqual(0.5);
    // Per class: the custom samples and the replayed images together.
    const perClass = done.data.perClass;
    expect(perClass['★']).toBe(4);
    expect(Object.values(perClass).reduce((a, b) => a + b, 0)).toBe(8 + report.replayed);
    expect(done.evaluation).toMatchObject({ datasetId: 'stars', count: 2 });
    expect(Array.isArray(done.suspicious)).toBe(true);
  });
});
