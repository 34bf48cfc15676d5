import { describe, expect, it } from 'vitest';
import type { TrainingEvent, TrainingSpec } from '../../app/shared/types';
import { formatDuration, initialTraining, reduceTraining } from './training-store';

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

  it('formats durations', () => {
    expect(formatDuration(12.4)).toBe('12 s');
    expect(formatDuration(185)).toBe('3 min 05 s');
    expect(formatDuration(3720)).toBe('1 h 02 min');
    expect(formatDuration(Number.NaN)).toBe('—');
  });
});
