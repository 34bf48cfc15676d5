// TrainingJobs on its own, with the REAL trainer child process and the real engine on MNIST's first
// images: one job at a time, the state it reports, pause/resume/cancel, crashes, what it saves.
// The rest of the core (preparing a job, the model store) is the JobContext the test hands it.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../shared/errors';
import type { ModelFiles, SpawnTrainer, TrainerHandle } from '../../shared/trainer-protocol';
import type { ModelSummary, TrainingEvent, TrainingSpec } from '../../shared/types';
import { spawnNodeTrainer } from '../spawn-node';
import { tinySpec } from '../test-helpers';
import { type JobContext, PROGRESS_INTERVAL_MS, TrainingJobs } from './training-jobs';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const MNIST = { kind: 'bundled', datasetId: 'mnist', dataDir: path.join(ROOT, 'datasets', 'data') } as const;
const tmp = mkdtempSync(path.join(tmpdir(), 'glyph-jobs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const spec = tinySpec;

type Saved = { files: ModelFiles; meta: Parameters<JobContext['save']>[1] };

/** A TrainingJobs with a recording context: the trainers it spawned, the events, what it saved. */
function harness(options: { spawn?: SpawnTrainer } = {}) {
  const spawn = options.spawn ?? spawnNodeTrainer();
  const trainers: TrainerHandle[] = [];
  const events: { at: number; event: TrainingEvent }[] = [];
  const waiters: { test: (e: TrainingEvent) => boolean; resolve: (e: TrainingEvent) => void }[] = [];
  const saved: Saved[] = [];
  const logs: string[] = [];
  const ctx = {
    prepare: async (_spec: TrainingSpec, _jobId: string) => ({ data: MNIST, testFraction: 0 }),
    save: async (files: ModelFiles, meta: Saved['meta']): Promise<ModelSummary> => {
      saved.push({ files, meta });
      return {
        ...meta,
        id: `model-${saved.length}`,
        parameters: files.weights.byteLength / 4,
        builtin: false,
      };
    },
  };
  const jobs = new TrainingJobs({
    spawn: () => {
      const trainer = spawn();
      trainers.push(trainer);
      return trainer;
    },
    prepare: (s, id) => ctx.prepare(s, id),
    save: (files, meta) => ctx.save(files, meta),
    emit: (event) => {
      events.push({ at: Date.now(), event });
      for (const w of waiters.splice(0)) w.test(event) ? w.resolve(event) : waiters.push(w);
    },
    log: (message) => logs.push(message),
  });
  /** The first event of `jobId` (already seen or still to come) matching `test`. */
  const next = (jobId: string, test: (e: TrainingEvent) => boolean): Promise<TrainingEvent> => {
    const match = (e: TrainingEvent) => e.jobId === jobId && test(e);
    const seen = events.find((x) => match(x.event));
    return seen
      ? Promise.resolve(seen.event)
      : new Promise((resolve) => waiters.push({ test: match, resolve }));
  };
  const end = (jobId: string) => next(jobId, (e) => ['done', 'error', 'cancelled'].includes(e.type));
  const of = (jobId: string) => events.filter((x) => x.event.jobId === jobId);
  return { jobs, ctx, trainers, events, saved, logs, next, end, of };
}

const brief = (e: TrainingEvent) => (e.type === 'error' ? `error ${e.kind}: ${e.message}` : e.type);

describe('TrainingJobs with a real trainer', () => {
  const h = harness();
  afterAll(() => h.jobs.dispose());

  it('runs one job at a time, reports its state, and saves the model with its evaluation', async () => {
    expect(h.jobs.status()).toEqual({ state: 'idle' });
    // Hold preparation open: the slot is claimed before it, so a second start fails at once.
    let release = () => {};
    const prepared = new Promise<void>((resolve) => {
      release = resolve;
    });
    const prepare = h.ctx.prepare;
    h.ctx.prepare = async (s, id) => {
      await prepared;
      return prepare(s, id);
    };
    const starting = h.jobs.start(spec());
    await expect(h.jobs.start(spec())).rejects.toMatchObject({ code: 'busy', message: /already running/ });
    expect(h.jobs.status()).toMatchObject({ state: 'running', spec: spec(), epochs: [] });
    release();
    const { jobId } = await starting;
    h.ctx.prepare = prepare;
    expect(h.jobs.status()).toMatchObject({ state: 'running', jobId });

    const end = await h.end(jobId);
    expect(end.type, brief(end)).toBe('done');
    await h.jobs.idle();
    expect(h.jobs.status()).toEqual({ state: 'idle' });

    const mine = h.of(jobId);
    const types = mine.map((x) => x.event.type);
    expect(types[0]).toBe('started');
    expect(types.slice(-3)).toEqual(['epochEnd', 'checkpoint', 'done']);
    // Progress reaches the UI at most every PROGRESS_INTERVAL_MS (1 ms for the clock's granularity).
    const progressAt = mine.filter((x) => x.event.type === 'progress').map((x) => x.at);
    for (let i = 1; i < progressAt.length; i++)
      expect(progressAt[i]! - progressAt[i - 1]!).toBeGreaterThanOrEqual(PROGRESS_INTERVAL_MS - 1);

    // A checkpoint is a loadable model with a summary the renderer can show.
    const checkpoint = mine.find((x) => x.event.type === 'checkpoint')!.event;
    if (checkpoint.type !== 'checkpoint') return;
    expect(checkpoint.model.summary).toMatchObject({
      id: `checkpoint-${jobId}`,
      name: 'tiny (epoch 1)',
      datasetId: 'mnist',
      architecture: 'custom',
      parameters: 12_730,
    });
    expect(checkpoint.model.summary.classes).toHaveLength(10);

    // The final model is saved once, with the evaluation and the history, and announced as saved.
    expect(h.saved).toHaveLength(1);
    const { meta } = h.saved[0]!;
    if (end.type !== 'done') return;
    expect(end.model.id).toBe('model-1');
    expect(meta).toMatchObject({
      name: 'tiny',
      datasetId: 'mnist',
      architecture: 'custom',
      metrics: {
        testAccuracy: end.evaluation.accuracy,
        testLoss: end.evaluation.loss,
        evaluatedOn: 'mnist test split, 10,000 images',
      },
      evaluation: end.evaluation,
      data: { trainImages: 461, validationImages: 51, testImages: 10000 },
    });
    expect(meta.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(meta.training?.history).toHaveLength(1);
    // The spec as sent, with the loss it trained with resolved (the contract's default here).
    expect(meta.training?.spec).toEqual({ ...spec(), loss: 'cross-entropy' });
  });

  it('refuses a job its preparation rejects, without starting a trainer for it', async () => {
    const spawned = h.trainers.length;
    const prepare = h.ctx.prepare;
    h.ctx.prepare = async () => {
      throw new Error('no such dataset: nope');
    };
    await expect(h.jobs.start(spec({ datasetId: 'nope' }))).rejects.toSatisfy(
      (e: unknown) => e instanceof CoreError && e.code === 'invalid' && /no such dataset/.test(e.message),
    );
    h.ctx.prepare = async () => {
      throw new CoreError('not-found', 'the letters data is not built yet');
    };
    await expect(h.jobs.start(spec())).rejects.toMatchObject({ code: 'not-found' });
    h.ctx.prepare = prepare;
    expect(h.jobs.status()).toEqual({ state: 'idle' });
    expect(h.trainers.length).toBe(spawned);
  });

  it('pauses, resumes and cancels, and the next job reuses the same trainer', async () => {
    const spawned = h.trainers.length;
    const { jobId } = await h.jobs.start(spec({ epochs: 1000, limit: 2000 }));
    await h.next(jobId, (e) => e.type === 'progress');
    h.jobs.pause();
    h.jobs.pause();
    await h.next(jobId, (e) => e.type === 'paused');
    expect(h.jobs.status()).toMatchObject({ state: 'paused', jobId });
    h.jobs.resume();
    await h.next(jobId, (e) => e.type === 'resumed');
    expect(h.jobs.status()).toMatchObject({ state: 'running', jobId });
    h.jobs.cancel();
    const end = await h.end(jobId);
    expect(end.type, brief(end)).toBe('cancelled');
    expect(h.of(jobId).filter((x) => x.event.type === 'paused')).toHaveLength(1);
    expect(h.jobs.status()).toEqual({ state: 'idle' });

    const second = await h.jobs.start(spec({ limit: 256, name: undefined }));
    const done = await h.end(second.jobId);
    expect(done.type, brief(done)).toBe('done');
    // Unnamed: named after its architecture and dataset.
    if (done.type === 'done') expect(done.model.name).toBe('custom on mnist');
    expect(h.trainers.length).toBe(spawned);
  });

  it('reports a killed trainer as a crash, keeps its last checkpoint, and starts a fresh trainer next', async () => {
    const spawned = h.trainers.length;
    const saved = h.saved.length;
    const { jobId } = await h.jobs.start(spec({ epochs: 1000, limit: 2000 }));
    await h.next(jobId, (e) => e.type === 'checkpoint');
    h.trainers.at(-1)!.kill();
    const end = await h.end(jobId);
    expect(end.type).toBe('error');
    if (end.type !== 'error') return;
    expect(end.kind).toBe('crash');
    expect(end.message).toMatch(
      /stopped unexpectedly .*the weights after epoch (\d+) were kept as model model-/,
    );
    const epoch = Number(/after epoch (\d+)/.exec(end.message)![1]);
    expect(h.saved.length).toBe(saved + 1);
    const kept = h.saved.at(-1)!.meta;
    expect(kept.name).toBe(`tiny (epoch ${epoch}, crashed)`);
    expect(kept.training?.history).toHaveLength(epoch);
    expect(h.jobs.status()).toEqual({ state: 'idle' });

    const next = await h.jobs.start(spec({ limit: 256 }));
    expect((await h.end(next.jobId)).type).toBe('done');
    expect(h.trainers.length).toBe(spawned + 1);
  });

  it('keeps nothing from a trainer killed before its first epoch ended', async () => {
    const saved = h.saved.length;
    // All 60,000 training images: epoch 1 is far from its end when the pause lands.
    const { jobId } = await h.jobs.start(spec({ epochs: 2, limit: undefined }));
    await h.next(jobId, (e) => e.type === 'progress');
    h.jobs.pause();
    await h.next(jobId, (e) => e.type === 'paused');
    expect(h.of(jobId).some((x) => x.event.type === 'checkpoint')).toBe(false);
    h.trainers.at(-1)!.kill();
    const end = await h.end(jobId);
    expect(end.type === 'error' && end.kind).toBe('crash');
    if (end.type === 'error') expect(end.message).toMatch(/no epoch had completed, nothing was saved/);
    expect(h.saved.length).toBe(saved);
  });

  it('reports a model it could not save as an io error', async () => {
    const save = h.ctx.save;
    h.ctx.save = async () => {
      throw new Error('ENOSPC: no space left on device');
    };
    const { jobId } = await h.jobs.start(spec({ limit: 256 }));
    const end = await h.end(jobId);
    h.ctx.save = save;
    expect(end).toMatchObject({ type: 'error', kind: 'io', message: /could not be saved: ENOSPC/ });
    expect(h.jobs.status()).toEqual({ state: 'idle' });
  });
});

describe('TrainingJobs when the trainer does not cooperate or the core shuts down', () => {
  it('kills a trainer that ignores cancel and reports the job as cancelled', {
    timeout: 60_000,
  }, async () => {
    // A trainer that starts jobs and then ignores every message: the grace period (10 s) must end it.
    const entry = path.join(tmp, 'deaf-trainer.mjs');
    writeFileSync(
      entry,
      `process.on('message', (m) => {
        if (m.type === 'train')
          process.send({ type: 'started', jobId: m.jobId, trainCount: 1, validationCount: 0, testCount: 0 });
      });
      process.send({ type: 'ready', pid: process.pid });\n`,
    );
    const h = harness({ spawn: spawnNodeTrainer({ entry }) });
    let exited = false;
    const { jobId } = await h.jobs.start(spec());
    h.trainers[0]!.onExit(() => {
      exited = true;
    });
    await h.next(jobId, (e) => e.type === 'started');
    h.jobs.cancel();
    h.jobs.cancel(); // a second cancel does not restart the grace period
    const end = await h.end(jobId);
    expect(end.type).toBe('cancelled');
    expect(exited).toBe(true);
    expect(h.logs.join('\n')).toMatch(/did not stop within 10000 ms; killing it/);
    expect(h.jobs.status()).toEqual({ state: 'idle' });
    await h.jobs.dispose();
  });

  it('cancels the running job on dispose, stops the trainer and refuses new jobs', async () => {
    const h = harness();
    const { jobId } = await h.jobs.start(spec({ epochs: 1000, limit: 2000 }));
    const exited = new Promise<void>((resolve) => h.trainers[0]!.onExit(() => resolve()));
    await h.next(jobId, (e) => e.type === 'progress');
    await h.jobs.dispose();
    expect(h.of(jobId).at(-1)?.event).toEqual({ type: 'cancelled', jobId });
    expect(h.jobs.status()).toEqual({ state: 'idle' });
    await exited;
    await expect(h.jobs.start(spec())).rejects.toMatchObject({ code: 'invalid', message: /shut down/ });
  });
});
