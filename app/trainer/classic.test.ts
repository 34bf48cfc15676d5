// The loss a spec chooses and the classic preset, through the trainer in process: JobRunner on the
// first MNIST images, the real engine. Squared error must really be what trains, and the classic
// preset must stop because its validation error converged, not because it ran out of epochs.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MeanSquaredError, SoftmaxCrossEntropy } from '../../engine/losses/index';
import { tinySpec } from '../core/test-helpers';
import { presetTraining } from '../model/engine-model';
import type { TrainerOut, TrainJob } from '../shared/trainer-protocol';
import type { TrainingSpec } from '../shared/types';
import { trainOptionsOf } from './build-model';
import { doneOf, runJobInProcess } from './test-jobs';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function run(spec: TrainingSpec): Promise<TrainerOut[]> {
  const job: TrainJob = {
    type: 'train',
    jobId: 'job-1',
    spec,
    data: { kind: 'bundled', datasetId: 'mnist', dataDir: path.join(ROOT, 'datasets', 'data') },
    testFraction: 0,
    progressIntervalMs: 1000,
  };
  return runJobInProcess(job);
}

/** The classic preset's spec as the Train form and the CLI send it (its own training defaults). */
function classicSpec(over: Partial<TrainingSpec> = {}): TrainingSpec {
  const t = presetTraining('classic')!;
  return tinySpec({
    architecture: 'classic',
    layers: undefined,
    optimizer: t.optimizer,
    learningRate: t.learningRate,
    schedule: t.schedule,
    batchSize: t.batchSize,
    epochs: t.epochs,
    ...over,
  });
}

describe('the loss a training spec chooses', () => {
  it('builds squared error on sigmoid outputs for mse, cross-entropy otherwise, the preset’s own when absent', () => {
    const mse = trainOptionsOf(tinySpec({ loss: 'mse' })).loss;
    expect(mse).toBeInstanceOf(MeanSquaredError);
    expect((mse as MeanSquaredError).options.sigmoid).toBe(true);
    expect(trainOptionsOf(tinySpec({ loss: 'cross-entropy' })).loss).toBeInstanceOf(SoftmaxCrossEntropy);
    expect(trainOptionsOf(tinySpec()).loss).toBeInstanceOf(SoftmaxCrossEntropy);
    expect(trainOptionsOf(classicSpec()).loss).toBeInstanceOf(MeanSquaredError);
    expect(trainOptionsOf(classicSpec({ loss: 'cross-entropy' })).loss).toBeInstanceOf(SoftmaxCrossEntropy);
  });

  it('passes early stopping for the classic preset only, and only with validation data to watch', () => {
    expect(trainOptionsOf(classicSpec()).earlyStopping).toMatchObject({ monitor: 'valLoss', patience: 3 });
    expect(trainOptionsOf(classicSpec({ validationSplit: 0 })).earlyStopping).toBeUndefined();
    expect(trainOptionsOf(tinySpec()).earlyStopping).toBeUndefined();
  });

  it('learns MNIST digits with squared error (well above the 10 % of chance)', async () => {
    const sent = await run(
      tinySpec({
        loss: 'mse',
        layers: [
          { type: 'flatten', config: {} },
          { type: 'dense', config: { units: 32 } },
          { type: 'sigmoid', config: {} },
          { type: 'dense', config: { units: 10 } },
        ],
        optimizer: { type: 'sgd', config: {} },
        learningRate: 3,
        batchSize: 10,
        epochs: 3,
        limit: 1000,
      }),
    );
    const done = doneOf(sent);
    expect(done.evaluation.accuracy).toBeGreaterThan(0.7);
    // The test loss is cross-entropy on the softmax of the outputs, as for a cross-entropy model.
    expect(done.evaluation.loss).toBeGreaterThan(0);
    expect(done.converged).toBeUndefined();
  }, 60_000);
});

describe('the classic preset', () => {
  it('trains until its validation error stops improving, well before the epoch cap', async () => {
    const cap = 60;
    const sent = await run(classicSpec({ epochs: cap, limit: 1500, validationSplit: 0.2 }));
    const done = doneOf(sent);
    expect(done.converged).toBeDefined();
    const { epochs, bestEpoch } = done.converged!;
    expect(epochs).toBe(done.history.length);
    expect(epochs).toBeLessThan(cap);
    // Stopped `patience` epochs after the best one, whose weights were kept.
    expect(epochs - bestEpoch).toBe(presetTraining('classic')!.earlyStopping!.patience);
    expect(done.evaluation.accuracy).toBeGreaterThan(0.7);
  }, 120_000);
});
