// One training job in the trainer process, transport-agnostic: load the data, build (or load and
// extend) the model, run the engine's training loop with progress / epoch / checkpoint messages,
// then evaluate on the held-out test split. Pause, resume and cancel arrive between batches.

import { augmentHook, DEFAULT_AUGMENT } from '../../datasets/augment';
import type { Dataset } from '../../engine/batch';
import { train } from '../../engine/train';
import { PauseGate } from '../../engine/train-control';
import {
  buildModel,
  crossEntropy,
  evaluateOn,
  extendClasses,
  parameterCount,
  presetTraining,
  readModel,
  writeModel,
} from '../core/engine-model';
import type { ModelFiles, TrainerOut, TrainJob } from '../shared/trainer-protocol';
import type { EpochMetrics } from '../shared/types';
import { concat, loadJobData, loadReplay } from './data';

export class JobRunner {
  private readonly abort = new AbortController();
  private readonly gate = new PauseGate();

  constructor(
    private readonly job: TrainJob,
    private readonly send: (message: TrainerOut) => void,
  ) {}

  pause(): void {
    if (this.gate.paused) return;
    this.gate.pause();
    this.send({ type: 'paused', jobId: this.job.jobId });
  }

  resume(): void {
    if (!this.gate.paused) return;
    this.gate.resume();
    this.send({ type: 'resumed', jobId: this.job.jobId });
  }

  cancel(): void {
    this.abort.abort();
    this.gate.resume();
  }

  async run(): Promise<void> {
    const { job, send } = this;
    const { jobId, spec } = job;
    const started = performance.now();
    const data = await loadJobData(job.data, job.testFraction, spec.limit);
    let model = job.base ? readModel(job.base) : buildModel(spec, data.classes.length);
    let classes = data.classes;
    let trainSet: Dataset = data.train;
    if (job.base) {
      const baseClasses = (job.base.json.classes as string[] | undefined) ?? [];
      ({ model, classes } = extendClasses(model, baseClasses, data.classes, spec.seed));
      trainSet = relabel(trainSet, data.classes, classes);
      if (job.replay)
        trainSet = concat(trainSet, await loadReplay(job.replay.data, job.replay.count, classes, spec.seed));
    }
    const testSet = job.base ? relabel(data.test, data.classes, classes) : data.test;
    const validationCount =
      spec.validationSplit > 0 ? Math.max(1, Math.round(trainSet.labels.length * spec.validationSplit)) : 0;
    const trainCount = trainSet.labels.length - validationCount;
    send({ type: 'started', jobId, trainCount, validationCount, testCount: testSet.labels.length });

    const totalSamples = trainCount * spec.epochs;
    let lastProgress = 0;
    const history: EpochMetrics[] = [];
    const files = (): ModelFiles => writeModel(model, classes);
    const result = await train(model, trainSet, {
      epochs: spec.epochs,
      batchSize: spec.batchSize,
      learningRate: spec.learningRate,
      optimizer: spec.optimizer,
      schedule: spec.schedule,
      loss: crossEntropy(),
      clipNorm: spec.layers?.length ? undefined : presetTraining(spec.architecture)?.clipNorm,
      seed: spec.seed,
      validation: spec.validationSplit > 0 ? { fraction: spec.validationSplit } : undefined,
      augment: spec.augmentation ? augmentHook(DEFAULT_AUGMENT) : undefined,
      signal: this.abort.signal,
      pause: this.gate,
      // NOTE: the engine counts epochs and batches from 0; the app's events count from 1.
      onBatchEnd: (r) => {
        const now = performance.now();
        if (now - lastProgress < job.progressIntervalMs && r.batch < r.batches - 1) return;
        lastProgress = now;
        const done = Math.min(
          totalSamples,
          r.epoch * trainCount + Math.min(trainCount, (r.batch + 1) * spec.batchSize),
        );
        const rate = Math.max(r.samplesPerSecond, 0);
        send({
          type: 'progress',
          jobId,
          epoch: r.epoch + 1,
          epochs: spec.epochs,
          batch: r.batch + 1,
          batches: r.batches,
          loss: r.loss,
          samplesPerSecond: rate,
          etaSeconds: rate > 0 ? (totalSamples - done) / rate : 0, // finite: events may cross as JSON
          fraction: totalSamples > 0 ? done / totalSamples : 0,
        });
      },
      onEpochEnd: (r) => {
        const metrics: EpochMetrics = {
          epoch: r.epoch + 1,
          trainLoss: r.trainLoss,
          trainAccuracy: r.trainAccuracy,
          valLoss: r.valLoss,
          valAccuracy: r.valAccuracy,
          seconds: r.seconds,
        };
        history.push(metrics);
        send({ type: 'epochEnd', jobId, metrics });
        send({ type: 'checkpoint', jobId, epoch: metrics.epoch, model: files() });
      },
    });

    if (result.status === 'cancelled') {
      send({ type: 'cancelled', jobId });
      return;
    }
    if (result.status === 'diverged') {
      const d = result.divergence;
      send({
        type: 'error',
        jobId,
        kind: 'nan',
        message:
          `training diverged: ${d?.message ?? 'the loss became NaN or infinite'}` +
          ` (learning rate ${spec.learningRate} is probably too high)`,
        lastGood: history.length > 0 ? files() : undefined,
      });
      return;
    }
    const evaluation = evaluateOn(model, testSet, classes, job.data.datasetId, data.testSplit);
    send({
      type: 'done',
      jobId,
      model: files(),
      evaluation,
      history,
      seconds: (performance.now() - started) / 1000,
      parameters: parameterCount(model),
    });
  }
}

/** Map labels from one class list onto another (new classes appended after fine-tuning). */
function relabel(dataset: Dataset, from: string[], to: string[]): Dataset {
  if (from.length === to.length && from.every((c, i) => c === to[i])) return dataset;
  const labels = Int32Array.from(dataset.labels, (l) => to.indexOf(from[l]!));
  return { ...dataset, labels };
}
