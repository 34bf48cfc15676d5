import { describe, expect, it } from 'vitest';
import type { TrainingEvent, TrainingSpec } from '../../app/shared/types';
import {
  formatDuration,
  initialTraining,
  progressLine,
  reduceTraining,
  shownTraining,
  statusTitle,
} from './training-store';

const spec = { datasetId: 'mnist', architecture: 'mlp' } as TrainingSpec;
const run = (events: TrainingEvent[]) => events.reduce(reduceTraining, initialTraining);

describe('reduceTraining', () => {
  it('follows a job from start to done', () => {
    const s = run([
      { type: 'started', jobId: 'j', spec, trainCount: 900, validationCount: 100 },
      {
        type: 'progress',
        jobId: 'j',
        epoch: 1,
        epochs: 2,
        batch: 5,
        batches: 10,
        loss: 1.5,
        samplesPerSecond: 100,
        etaSeconds: 3,
        fraction: 0.25,
      },
      {
        type: 'epochEnd',
        jobId: 'j',
        epoch: 1,
        trainLoss: 1,
        trainAccuracy: 0.8,
        valLoss: 1.1,
        valAccuracy: 0.78,
        seconds: 2,
      },
      { type: 'paused', jobId: 'j' },
    ]);
    expect(s.state).toBe('paused');
    expect(s.batchLoss).toEqual([{ x: 0.5, loss: 1.5 }]);
    expect(s.epochs).toHaveLength(1);
    expect(s.progress?.fraction).toBe(0.25);
    const done = reduceTraining(reduceTraining(s, { type: 'resumed', jobId: 'j' }), {
      type: 'done',
      jobId: 'j',
      model: { id: 'm' } as never,
      evaluation: {} as never,
    });
    expect(done.state).toBe('idle');
    expect(done.outcome.kind).toBe('done');
    expect(done.progress?.fraction).toBe(1);
  });

  it('ignores events of another job and reports errors', () => {
    const s = run([
      { type: 'started', jobId: 'j', spec, trainCount: 1, validationCount: 0 },
      { type: 'cancelled', jobId: 'other' },
    ]);
    expect(s.state).toBe('running');
    const failed = reduceTraining(s, { type: 'error', jobId: 'j', kind: 'nan', message: 'loss is NaN' });
    expect(failed.outcome).toEqual({ kind: 'error', message: 'nan: loss is NaN' });
  });

  it('shows no rate and no ETA while paused, and no "ETA 0 s" before the first rate', () => {
    const progress = (etaSeconds: number): TrainingEvent => ({
      type: 'progress',
      jobId: 'j',
      epoch: 2,
      epochs: 3,
      batch: 40,
      batches: 94,
      loss: 0.3,
      samplesPerSecond: 5000,
      etaSeconds,
      fraction: 0.6,
    });
    const running = run([
      { type: 'started', jobId: 'j', spec, trainCount: 6000, validationCount: 0 },
      progress(12),
    ]);
    expect(progressLine(running)).toBe('epoch 2/3 · batch 40/94 · 5,000 samples/s · ETA 12 s');
    const paused = reduceTraining(running, { type: 'paused', jobId: 'j' });
    expect(statusTitle(paused)).toBe('Paused');
    expect(progressLine(paused)).toBe('epoch 2/3 · batch 40/94 · paused');
    expect(progressLine(reduceTraining(running, progress(0)))).not.toMatch(/ETA/);
  });

  it('between pressing Start and the new job starting, shows a fresh run, not the last one finished', () => {
    const finished = run([
      { type: 'started', jobId: 'old', spec, trainCount: 900, validationCount: 100 },
      { type: 'epochEnd', jobId: 'old', epoch: 1, trainLoss: 1, trainAccuracy: 0.9, seconds: 2 },
      { type: 'done', jobId: 'old', model: { id: 'm' } as never, evaluation: {} as never },
    ]);
    expect(statusTitle(finished)).toBe('Finished');
    const next = { ...spec, epochs: 2 };
    for (const pending of [
      { jobId: null, spec: next },
      { jobId: 'new', spec: next },
    ]) {
      const shown = shownTraining(finished, pending);
      expect(statusTitle(shown)).toBe('Starting');
      expect(shown.progress).toBeNull();
      expect(shown.epochs).toEqual([]);
      expect(shown.outcome.kind).toBe('none');
      expect(shown.spec).toBe(next);
    }
    // Once the new job's started event is in, the snapshot is the job's own.
    const started = reduceTraining(finished, {
      type: 'started',
      jobId: 'new',
      spec: next,
      trainCount: 900,
      validationCount: 100,
    });
    expect(shownTraining(started, { jobId: 'new', spec: next })).toBe(started);
    expect(shownTraining(finished, null)).toBe(finished);
  });

  it('formats durations', () => {
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});
