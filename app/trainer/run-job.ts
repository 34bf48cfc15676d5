// One training job in the trainer process, transport-agnostic: load the data, build (or load and
// extend) the model, run the engine's training loop with progress / epoch / checkpoint messages,
// then evaluate on the held-out test split. Pause, resume and cancel arrive between batches.

import { augmentHook, DEFAULT_AUGMENT, NAMED_AUGMENT } from '../../datasets/augment';
import { getDataset, hasDataset } from '../../datasets/bundled-datasets';
import { generateScribbles } from '../../datasets/scribbles';
import { type AnyDataset, concatDatasets, type Dataset, floatDataset } from '../../engine/batch';
import type { Sequential } from '../../engine/model';
import { Rng } from '../../engine/rng';
import { type Divergence, type TrainOptions, type TrainResult, train } from '../../engine/train';
import { PauseGate } from '../../engine/train-control';
import { calibrate, scribbleFigures, testCalibration } from '../model/calibrate';
import { evaluateOn, parameterCount, readModel, writeModel } from '../model/engine-model';
import { FINE_TUNE_RECIPE, type FineTuneRecipe } from '../model/fine-tune-recipe';
import type { Recipe } from '../shared/recipe';
import type { ModelFiles, TrainerOut, TrainJob } from '../shared/trainer-protocol';
import type { EpochMetrics, Evaluation, FineTuneReport, SuspiciousSample } from '../shared/types';
import { buildModel, epochMetricsOf, extendClasses, trainingLoss, trainOptionsOf } from './build-model';
import { loadBaseTest, loadJobData, loadReplay } from './data';
import { fineTune, outOfFold } from './fine-tune';
import { assembleRecipe, describeSource } from './recipe/assemble';
import { accuracyOf, findSuspicious, flagSuspicious } from './suspicious';
import { chooseThreads, JobThreads } from './threads';

/** Before/after figures on the base dataset use the first this many of its test images (fixed, quick). */
export const BASE_TEST_COUNT = 2000;
/** Scribbles checked after a recipe, from a seed no recipe trains on (the figures in the model card). */
const SCRIBBLE_CHECKS = 2000;
const SCRIBBLE_SEED_OFFSET = 77_777;
const EMPTY: Dataset = { images: new Float32Array(0), labels: new Int32Array(0), sampleShape: [1, 28, 28] };

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
    if (job.recipe) return this.runRecipe(job.recipe);
    const started = performance.now();
    const data = await loadJobData(job.data, job.testFraction, spec.limit);
    // A set deleted or emptied since the job was prepared (by another program, or files that no longer
    // decode) must neither train on nothing nor report a test on 0 images as a result.
    const missing =
      data.train.labels.length === 0
        ? 'no readable training images'
        : data.test.labels.length === 0
          ? 'no readable test images'
          : '';
    if (missing) {
      send({
        type: 'error',
        jobId,
        kind: 'io',
        message: `${job.data.datasetId} has ${missing} (deleted or unreadable since the job was started); nothing was trained or saved`,
      });
      return;
    }
    let model = job.base ? readModel(job.base) : buildModel(spec, data.classes.length);
    let classes = data.classes;
    let trainSet: AnyDataset = data.train;
    let replay: Dataset | null = null;
    // Fine-tuning on the user's own samples uses the recipe (frozen features, copies, replay); a base
    // model trained further on a bundled set just trains on.
    const fineTuning = job.base !== undefined && job.data.kind === 'folder';
    if (job.base) {
      const baseClasses = (job.base.json.classes as string[] | undefined) ?? [];
      ({ model, classes } = extendClasses(model, baseClasses, data.classes, spec.seed));
      trainSet = relabel(trainSet, data.classes, classes);
      if (job.replay) replay = await loadReplay(job.replay.data, job.replay.count, classes, spec.seed);
      if (replay && !fineTuning) trainSet = concatDatasets(trainSet, replay);
    }
    const testSet = job.base ? relabel(data.test, data.classes, classes) : data.test;
    const recipe: FineTuneRecipe = {
      ...FINE_TUNE_RECIPE,
      layers: spec.fineTuneLayers ?? FINE_TUNE_RECIPE.layers,
      copies: spec.augmentation ? FINE_TUNE_RECIPE.copies : 0,
    };
    const total = fineTuning
      ? trainSet.labels.length * (1 + recipe.copies) + (replay?.labels.length ?? 0)
      : trainSet.labels.length;
    const validationCount =
      spec.validationSplit > 0 ? Math.max(1, Math.round(total * spec.validationSplit)) : 0;
    const trainCount = total - validationCount;
    send({ type: 'started', jobId, trainCount, validationCount, testCount: testSet.labels.length });

    const history: EpochMetrics[] = [];
    const files = (): ModelFiles => writeModel(model, classes);
    const threads = this.threadsFor(model, fineTuning && recipe.layers === 'head');
    const options = this.progressOptions(trainCount, history, files, threads);
    const untuned = fineTuning ? model.clone(new Rng(1)) : null;
    const tuneStarted = performance.now();
    const result = await threads.run(async () =>
      fineTuning
        ? (
            await fineTune({
              model,
              custom: floatDataset(trainSet),
              replay: replay ?? EMPTY,
              recipe,
              options,
            })
          ).result
        : await train(model, trainSet, {
            ...options,
            augment: spec.augmentation ? augmentHook(DEFAULT_AUGMENT) : undefined,
          }),
    );
    const tuneSeconds = (performance.now() - tuneStarted) / 1000;

    if (this.stopped(result, files)) return;
    const evaluation = evaluateOn(model, testSet, classes, job.data.datasetId, data.testSplit);
    if (evaluation.count === 0) throw new Error('the evaluation ran on 0 images; nothing was saved');
    const fineTuneReport =
      fineTuning && job.base
        ? await this.report(readModel(job.base), model, classes, testSet, {
            recipe,
            customSamples: trainSet.labels.length,
            replayed: replay?.labels.length ?? 0,
            seconds: tuneSeconds,
          })
        : undefined;
    const suspicious = data.ids
      ? await this.suspicious(model, untuned, trainSet, testSet, data.ids, classes, {
          recipe,
          replay,
          options,
        })
      : undefined;
    if (this.abort.signal.aborted) {
      send({ type: 'cancelled', jobId });
      return;
    }
    send({
      ...this.finished(model, files, evaluation, history, result, started, threads),
      fineTune: fineTuneReport,
      suspicious,
      data: {
        trainImages: trainCount,
        validationImages: validationCount,
        testImages: testSet.labels.length,
        perClass: countPerClass(classes, trainSet, fineTuning ? replay : null),
      },
    });
  }

  /** Whether the run ended without a model to report (cancelled, or diverged), having said so. */
  private stopped(result: TrainResult, files: () => ModelFiles): boolean {
    const { jobId, spec } = this.job;
    if (result.status === 'cancelled') {
      this.send({ type: 'cancelled', jobId });
      return true;
    }
    if (result.status === 'diverged' && result.divergence) {
      this.send(divergedMessage(jobId, spec.learningRate, result.divergence, files));
      return true;
    }
    return false;
  }

  /** What every `done` message holds: the model, its evaluation and curves, how the run ended, time and size. */
  private finished(
    model: Sequential,
    files: () => ModelFiles,
    evaluation: Evaluation,
    history: EpochMetrics[],
    result: TrainResult,
    started: number,
    threads: JobThreads,
  ) {
    return {
      type: 'done' as const,
      jobId: this.job.jobId,
      model: files(),
      evaluation,
      history,
      threads: threads.used,
      ...(result.status === 'plateau' || result.status === 'converged'
        ? { converged: { epochs: history.length, bestEpoch: result.record.bestEpoch + 1 } }
        : {}),
      seconds: (performance.now() - started) / 1000,
      parameters: parameterCount(model),
    };
  }

  /** The threads the spec asks for, resolved for this model (`headOnly`: fine-tuning its dense head). */
  private threadsFor(model: Sequential, headOnly: boolean): JobThreads {
    const { spec } = this.job;
    const network = { model, loss: trainingLoss(spec), batchSize: spec.batchSize, headOnly };
    return new JobThreads(chooseThreads(spec.threads, network));
  }

  /**
   * The engine's options for this job: the spec's training settings, the threads, the signal and pause
   * gate, and the progress (with the threads in use), epoch-end and checkpoint messages.
   */
  private progressOptions(
    trainCount: number,
    history: EpochMetrics[],
    files: () => ModelFiles,
    threads: JobThreads,
  ): Omit<TrainOptions, 'augment'> {
    const { job, send } = this;
    const { jobId, spec } = job;
    const totalSamples = trainCount * spec.epochs;
    let lastProgress = 0;
    return {
      ...trainOptionsOf(spec),
      parallel: threads.parallel(),
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
          threads: threads.used,
        });
      },
      onEpochEnd: (r) => {
        const metrics = epochMetricsOf(r);
        history.push(metrics);
        send({ type: 'epochEnd', jobId, metrics });
        send({ type: 'checkpoint', jobId, epoch: metrics.epoch, model: files() });
      },
    };
  }

  /** A built-in recipe: assemble its data → train → calibrate on the validation donors → evaluate → report. */
  private async runRecipe(recipe: Recipe): Promise<void> {
    const { job, send } = this;
    const { jobId, spec } = job;
    const started = performance.now();
    const data = await assembleRecipe(recipe, job.dataDir);
    const classes = [...recipe.classes];
    const model = buildModel(spec, classes.length);
    send({
      type: 'started',
      jobId,
      trainCount: data.train.labels.length,
      validationCount: data.validation.labels.length,
      testCount: data.test.labels.length,
    });
    const history: EpochMetrics[] = [];
    const files = (): ModelFiles => writeModel(model, classes);
    const augment = NAMED_AUGMENT[recipe.training.augmentation];
    const stopping = recipe.training.earlyStopping;
    const threads = this.threadsFor(model, false);
    const result = await threads.run(() =>
      train(model, data.train, {
        ...this.progressOptions(data.train.labels.length, history, files, threads),
        validation: data.validation,
        earlyStopping: stopping
          ? { monitor: 'valLoss', patience: stopping.patience, minDelta: 0 }
          : undefined,
        augment: augment ? augmentHook(augment) : undefined,
      }),
    );
    if (this.stopped(result, files)) return;
    const validation = recipe.validation.map(describeSource).join(' + ');
    const calibration = calibrate(
      model,
      data.validation,
      classes.length,
      recipe.calibration.sureShare,
      `${validation}, ${data.validation.labels.length.toLocaleString('en')} images`,
    );
    calibration.test = testCalibration(model, data.test, classes.length, calibration, recipe.test.label);
    const scribbles = generateScribbles(SCRIBBLE_CHECKS, spec.seed + SCRIBBLE_SEED_OFFSET);
    calibration.scribbles = scribbleFigures(model, scribbles.images, classes.length, calibration);
    const source = recipe.test.source;
    const evaluation = evaluateOn(model, data.test, classes, source.dataset, source.split);
    const alsoEvaluated = data.alsoTest.map((t, i) => ({
      label: t.label,
      ...evaluateOn(
        model,
        t.dataset,
        classes,
        recipe.alsoTest[i]!.source.dataset,
        recipe.alsoTest[i]!.source.split,
      ),
    }));
    send({
      ...this.finished(model, files, evaluation, history, result, started, threads),
      calibration,
      alsoEvaluated,
      recipe: { id: recipe.id, mix: data.mix, validation },
      data: {
        trainImages: data.train.labels.length,
        validationImages: data.validation.labels.length,
        testImages: data.test.labels.length,
        perClass: countPerClass(classes, data.train),
      },
    });
  }

  /**
   * Samples the model disagrees with. Held-out samples are judged by the trained model; training samples
   * by out-of-fold models when fine-tuning (a model that learned a wrong label would agree with it),
   * else by the trained model too.
   */
  private async suspicious(
    model: Sequential,
    untuned: Sequential | null,
    trainImages: AnyDataset,
    testImages: AnyDataset,
    ids: { train: string[]; test: string[] },
    classes: string[],
    run: { recipe: FineTuneRecipe; replay: Dataset | null; options: Omit<TrainOptions, 'augment'> },
  ): Promise<SuspiciousSample[]> {
    // Custom sets are floats already (the copies are no copies); the check and its retraining take floats.
    const trainSet = floatDataset(trainImages);
    const testSet = floatDataset(testImages);
    const held = findSuspicious(model, testSet, ids.test, classes);
    let trained: SuspiciousSample[];
    if (untuned) {
      const probabilities = await outOfFold(untuned, {
        custom: trainSet,
        replay: run.replay ?? EMPTY,
        recipe: run.recipe,
        options: run.options,
      });
      if (!probabilities) return [];
      trained = flagSuspicious(probabilities, trainSet.labels, ids.train, classes);
    } else {
      trained = findSuspicious(model, trainSet, ids.train, classes);
    }
    return [...held, ...trained].sort((a, b) => a.labelProbability - b.labelProbability);
  }

  /** Before/after accuracy: the base dataset's first test images, and the held-out custom samples. */
  private async report(
    base: Sequential,
    tuned: Sequential,
    classes: string[],
    customTest: AnyDataset,
    run: { recipe: FineTuneRecipe; customSamples: number; replayed: number; seconds: number },
  ): Promise<FineTuneReport> {
    const { job } = this;
    const baseClasses = (job.base?.json.classes as string[] | undefined) ?? [];
    const report: FineTuneReport = {
      baseModelId: job.baseInfo?.id ?? '',
      baseModelName: job.baseInfo?.name ?? '',
      newClasses: classes.filter((c) => !baseClasses.includes(c)),
      layers: run.recipe.layers,
      customSamples: run.customSamples,
      copies: run.recipe.copies,
      replayed: run.replayed,
      ...(job.replay ? { replayedFrom: job.replay.data.datasetId } : {}),
      seconds: run.seconds,
    };
    const baseTest = job.replay ? await loadBaseTest(job.replay.data, BASE_TEST_COUNT, classes) : null;
    if (baseTest && job.replay) {
      const n = baseTest.labels.length;
      report.base = {
        on: `${datasetTitle(job.replay.data.datasetId)} test split, first ${n.toLocaleString('en')} images`,
        count: n,
        before: accuracyOf(base, baseTest),
        after: accuracyOf(tuned, baseTest),
      };
    }
    const n = customTest.labels.length;
    if (n > 0) {
      report.custom = {
        on: `${n} held-out sample${n === 1 ? '' : 's'} of ${job.baseInfo?.datasetTitle ?? job.data.datasetId}`,
        count: n,
        before: accuracyOf(base, customTest),
        after: accuracyOf(tuned, customTest),
      };
    }
    return report;
  }
}

/**
 * The error a diverged run ends with: what happened, what to change, and the weights of the last healthy
 * epoch (the engine has put them back) when one ended.
 */
export function divergedMessage(
  jobId: string,
  learningRate: number,
  d: Divergence,
  files: () => ModelFiles,
): TrainerOut {
  const lower = Number((learningRate / 10).toPrecision(2));
  return {
    type: 'error',
    jobId,
    kind: d.quantity === 'loss' || d.quantity === 'gradient' ? 'nan' : 'diverged',
    message:
      `training diverged at epoch ${d.epoch + 1}, batch ${d.batch + 1}: ${d.reason}. The learning rate ` +
      `${learningRate} is too high for this network: lower it (try ${lower}) and train again`,
    ...(d.restoredEpochs > 0 ? { lastGood: files(), lastGoodEpoch: d.restoredEpochs } : {}),
  };
}

/** What "no class" samples (a recipe's scribbles, UNIFORM_TARGET) are counted under. */
export const NO_CLASS = 'no class (scribbles)';

/** Original training images per class (the custom samples and any replay). */
function countPerClass(classes: string[], ...sets: (AnyDataset | null)[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const set of sets)
    for (const l of set?.labels ?? []) {
      const name = l >= 0 ? classes[l]! : NO_CLASS;
      counts[name] = (counts[name] ?? 0) + 1;
    }
  return counts;
}

/** Map labels from one class list onto another (new classes appended after fine-tuning). */
function relabel(dataset: AnyDataset, from: string[], to: string[]): AnyDataset {
  if (from.length === to.length && from.every((c, i) => c === to[i])) return dataset;
  const labels = Int32Array.from(dataset.labels, (l) => to.indexOf(from[l]!));
  return { ...dataset, labels };
}

/** A bundled dataset's title for people ("MNIST handwritten digits"), its id where it has none. */
function datasetTitle(id: string): string {
  return hasDataset(id) ? getDataset(id).title : id;
}
