// The training loop: seeded mini-batches through the model as matrices, a loss, an optimizer and a
// schedule; validation, callbacks, cancellation, pause, early stopping, and a guard against divergence
// (a NaN/Inf loss or gradient, a running loss far above its start, chance accuracy after a blow-up,
// see divergence.ts) that stops, says where, and puts back the weights of the last healthy epoch end.

import { type AnyDataset, BatchGatherer, checkDataset, datasetSize, range } from './batch';
import { DivergenceWatch, majorityShare } from './divergence';
import { convergence } from './early-stopping';
import type { LayerSpec, Loss, Optimizer } from './layer';
import { createLoss } from './losses/index';
import { argmaxRow } from './metrics';
import type { Sequential } from './model';
import { clipGradNorm, createOptimizer, globalGradNorm } from './optimizers/index';
import { DataParallel, parallelUnsupported } from './parallel/data-parallel';
import { Rng } from './rng';
import { createSchedule } from './schedules/index';
import { type Param, zeroGrads } from './tensor';
import { clock, isWarningSource, yieldToEventLoop } from './train-control';
import type {
  Divergence,
  EpochReport,
  TrainableModel,
  TrainOptions,
  TrainResult,
  TrainStatus,
} from './train-types';
import { WeightSnapshot } from './weight-snapshot';

export { DIVERGENCE_DEFAULTS, type DivergenceOptions } from './divergence';
export { PauseGate } from './train-control';
export type {
  BatchReport,
  Divergence,
  EarlyStoppingOptions,
  EpochReport,
  TrainableModel,
  TrainingRecord,
  TrainOptions,
  TrainResult,
  TrainStatus,
} from './train-types';

function isOptimizer(o: Optimizer | LayerSpec): o is Optimizer {
  return typeof (o as Partial<Optimizer>).step === 'function';
}

function resolveLoss(loss: Loss | LayerSpec | undefined): Loss {
  if (loss === undefined) return createLoss({ type: 'softmaxCrossEntropy', config: {} });
  return typeof (loss as Partial<Loss>).backward === 'function'
    ? (loss as Loss)
    : createLoss(loss as LayerSpec);
}

/** Training and validation index sets over one or two datasets. */
function splitData(dataset: AnyDataset, options: TrainOptions, rng: Rng) {
  const validation = options.validation;
  if (validation === undefined) return { trainIndices: range(datasetSize(dataset)) };
  if ('fraction' in validation) {
    if (!(validation.fraction > 0 && validation.fraction < 1)) {
      throw new Error(`train: validation.fraction must be in (0, 1), got ${validation.fraction}`);
    }
    const all = rng.shuffle(range(datasetSize(dataset)));
    const held = Math.max(1, Math.round(all.length * validation.fraction));
    return { trainIndices: all.slice(held), valData: dataset, valIndices: all.slice(0, held) };
  }
  checkDataset(validation, 'validation');
  return {
    trainIndices: range(datasetSize(dataset)),
    valData: validation,
    valIndices: range(datasetSize(validation)),
  };
}

/** The first parameter whose gradient holds NaN or ±Infinity, and that value. */
function firstNonFiniteGrad(params: readonly Param[]): { name: string; value: number } | undefined {
  for (const p of params) {
    for (const g of p.grad.data) if (!Number.isFinite(g)) return { name: p.name, value: g };
  }
  return undefined;
}

/** The number of classes: the logits' width for a model with layers' output shape, else the largest label + 1. */
function numClasses(model: TrainableModel, dataset: AnyDataset): number {
  const width = (model as { outputShape?: readonly number[] }).outputShape?.[0];
  if (width !== undefined && width > 0) return width;
  let max = 0;
  for (const l of dataset.labels) if (l > max) max = l;
  return max + 1;
}

/** Trains `model` in place on `dataset`; resolves with how it ended and the per-epoch record. */
export async function train(
  model: TrainableModel,
  dataset: AnyDataset,
  options: TrainOptions,
): Promise<TrainResult> {
  checkDataset(dataset);
  const loss = resolveLoss(options.loss);
  const parallel = await startParallel(model, loss, options);
  try {
    return await trainWith(model, dataset, options, loss, parallel);
  } finally {
    parallel?.close();
  }
}

/**
 * The data-parallel runner, its workers ready, when asked for and possible; otherwise undefined (one
 * thread), having told `onWarning` and `parallel.onOneThread` why. Workers that cannot start (the host
 * could not spawn them, they failed to load) are such a case: nothing has been trained yet, so the run
 * goes on on one thread. A worker that fails later fails the run (`DataParallel.run` throws).
 */
async function startParallel(
  model: TrainableModel,
  loss: Loss,
  options: TrainOptions,
): Promise<DataParallel | undefined> {
  const { parallel } = options;
  if (parallel === undefined || !(options.batchSize >= 2)) return undefined;
  if ((parallel.threads ?? 2) < 2) return undefined;
  const oneThread = (reason: string) => {
    options.onWarning?.(`training on one thread: ${reason}`);
    parallel.onOneThread?.(reason);
    return undefined;
  };
  const reason = parallelUnsupported(model, loss);
  if (reason !== undefined) return oneThread(reason);
  const seed = options.seed ?? 1;
  let runner: DataParallel | undefined;
  try {
    runner = new DataParallel(model as Sequential, loss, options.batchSize, seed + 1, parallel);
    await runner.ready();
    return runner;
  } catch (error) {
    runner?.close();
    return oneThread(error instanceof Error ? error.message : String(error));
  }
}

async function trainWith(
  model: TrainableModel,
  dataset: AnyDataset,
  options: TrainOptions,
  loss: Loss,
  parallel: DataParallel | undefined,
): Promise<TrainResult> {
  const seed = options.seed ?? 1;
  const rng = new Rng(seed);
  const { trainIndices, valData, valIndices } = splitData(dataset, options, rng.fork());
  const shuffleRng = rng.fork();
  const dropoutRng = rng.fork();
  const augmentRng = rng.fork();
  const { batchSize, signal, pause } = options;
  if (trainIndices.length === 0) throw new Error('train: no training samples');
  if (!(batchSize >= 1)) throw new Error(`train: batchSize must be at least 1, got ${batchSize}`);

  const params = model.params();
  const state = model.state?.() ?? [];
  // The weights at the last healthy epoch end (the initial weights until one ends), put back on divergence.
  const healthy = WeightSnapshot.of(params, state);
  healthy.capture();
  let healthyEpochs = 0;
  const watch =
    options.divergence === false
      ? undefined
      : new DivergenceWatch(
          numClasses(model, dataset),
          majorityShare(dataset.labels, trainIndices),
          options.divergence,
        );
  const best = WeightSnapshot.of(params, state);
  const optimizer = isOptimizer(options.optimizer) ? options.optimizer : createOptimizer(options.optimizer);
  const schedule = createSchedule(options.schedule ?? { type: 'constant', config: {} }, options.learningRate);
  const gatherer = new BatchGatherer(dataset);
  const valGatherer = valData !== undefined ? new BatchGatherer(valData) : undefined;
  const stepsPerEpoch = Math.ceil(trainIndices.length / batchSize);
  const totalSteps = stepsPerEpoch * options.epochs;
  const yieldEveryMs = options.yieldEveryMs ?? 25;
  const stopping = options.earlyStopping;
  const monitor = stopping?.monitor ?? (valData !== undefined ? 'valLoss' : 'trainLoss');

  const epochs: EpochReport[] = [];
  let step = 0;
  let samples = 0;
  let activeMs = 0;
  /** The watched loss after each epoch (index = epoch), judged by the one convergence rule. */
  const watchedLosses: number[] = [];
  let bestEpoch = -1;
  let lastYield = clock();

  /** Stops on divergence: puts back the last healthy weights and says which. */
  const diverged = (divergence: Omit<Divergence, 'restoredEpochs' | 'message'>) => {
    healthy.restore();
    const { reason: why, ...where } = divergence;
    const restored =
      healthyEpochs > 0
        ? `restored the weights after epoch ${healthyEpochs}`
        : 'restored the initial weights';
    const at = `at epoch ${where.epoch + 1}, batch ${where.batch + 1} (step ${where.step + 1})`;
    const message = `${at}: ${why}; ${restored}`;
    return finish('diverged', { ...divergence, restoredEpochs: healthyEpochs, message });
  };

  const finish = (status: TrainStatus, divergence?: Divergence): TrainResult => ({
    status,
    record: {
      epochs,
      steps: step,
      samples,
      seconds: activeMs / 1000,
      samplesPerSecond: activeMs > 0 ? (samples * 1000) / activeMs : 0,
      bestEpoch,
      seed,
    },
    ...(divergence !== undefined ? { divergence } : {}),
  });

  /** Yields now and then; waits while paused. Returns the paused time to leave out of throughput. */
  const breathe = async (): Promise<number> => {
    if (clock() - lastYield < yieldEveryMs && !pause?.paused) return 0;
    const before = clock();
    await yieldToEventLoop();
    if (pause !== undefined) await pause.wait(signal);
    lastYield = clock();
    return lastYield - before;
  };

  const validate = async (): Promise<{ loss: number; accuracy: number } | undefined> => {
    if (valGatherer === undefined || valIndices === undefined) return undefined;
    let sum = 0;
    let correct = 0;
    const evalBatch = Math.max(batchSize, 256);
    for (let start = 0; start < valIndices.length; start += evalBatch) {
      await breathe();
      if (signal?.aborted) return undefined;
      const count = Math.min(evalBatch, valIndices.length - start);
      const { x, y } = valGatherer.gather(valIndices, start, count);
      const out = model.forward(x, { training: false });
      sum += loss.forward(out, y) * count;
      for (let r = 0; r < count; r++) if (argmaxRow(out.data, r, out.shape[1]) === y[r]) correct++;
    }
    return { loss: sum / valIndices.length, accuracy: correct / valIndices.length };
  };

  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffleRng.shuffle(trainIndices);
    let epochStart = clock();
    let epochLoss = 0;
    let epochCorrect = 0;
    let epochSamples = 0;
    // samples with a class (a UNIFORM_TARGET sample, "no class", is never right or wrong)
    let epochLabelled = 0;
    let learningRate = options.learningRate;
    for (let b = 0; b < stepsPerEpoch; b++) {
      if (signal?.aborted) return finish('cancelled');
      epochStart += await breathe();
      if (signal?.aborted) return finish('cancelled');

      const start = b * batchSize;
      const count = Math.min(batchSize, trainIndices.length - start);
      const batch = gatherer.gather(trainIndices, start, count);
      const x = options.augment?.(batch.x, augmentRng) ?? batch.x;
      for (let r = 0; r < count; r++) if (batch.y[r]! >= 0) epochLabelled++;

      zeroGrads(params);
      let batchLoss: number;
      if (parallel !== undefined) {
        // forward and backward on two threads; the batch's gradient is in params when it returns
        const result = parallel.run(x, batch.y, count, dropoutRng);
        batchLoss = result.loss;
        epochCorrect += result.correct;
      } else {
        const out = model.forward(x, { training: true, rng: dropoutRng });
        batchLoss = loss.forward(out, batch.y);
        // counted now: layers may reuse their output buffers during backward
        for (let r = 0; r < count; r++)
          if (argmaxRow(out.data, r, out.shape[1]) === batch.y[r]) epochCorrect++;
      }
      if (!Number.isFinite(batchLoss)) {
        const reason = `loss became ${batchLoss}`;
        return diverged({ epoch, batch: b, step, quantity: 'loss', value: batchLoss, reason });
      }
      const rising = watch?.batch(batchLoss);
      if (rising !== undefined) {
        return diverged({ epoch, batch: b, step, quantity: 'runningLoss', value: batchLoss, reason: rising });
      }
      if (parallel === undefined) model.backward(loss.backward());
      const gradNorm =
        options.clipNorm !== undefined ? clipGradNorm(params, options.clipNorm) : globalGradNorm(params);
      if (!Number.isFinite(gradNorm)) {
        const bad = firstNonFiniteGrad(params) ?? { name: '(global norm overflow)', value: gradNorm };
        return diverged({
          epoch,
          batch: b,
          step,
          quantity: 'gradient',
          param: bad.name,
          value: bad.value,
          reason: `gradient of ${bad.name} became ${bad.value}`,
        });
      }
      learningRate = schedule({ step, epoch, stepsPerEpoch, totalSteps });
      optimizer.step(params, learningRate);
      step++;

      epochLoss += batchLoss * count;
      epochSamples += count;
      const elapsed = clock() - epochStart;
      options.onBatchEnd?.({
        epoch,
        batch: b,
        batches: stepsPerEpoch,
        step,
        loss: batchLoss,
        learningRate,
        gradNorm,
        samplesPerSecond: elapsed > 0 ? (epochSamples * 1000) / elapsed : 0,
      });
    }
    const trainMs = clock() - epochStart;
    activeMs += trainMs;
    samples += epochSamples;

    const validation = await validate();
    if (signal?.aborted) return finish('cancelled');
    const warnings = (model.layers ?? []).flatMap((layer) =>
      isWarningSource(layer) ? layer.takeWarnings() : [],
    );
    for (const w of warnings) options.onWarning?.(w);
    const report: EpochReport = {
      epoch,
      trainLoss: epochLoss / epochSamples,
      trainAccuracy: epochLabelled > 0 ? epochCorrect / epochLabelled : 0,
      ...(validation !== undefined ? { valLoss: validation.loss, valAccuracy: validation.accuracy } : {}),
      learningRate,
      seconds: trainMs / 1000,
      samplesPerSecond: trainMs > 0 ? (epochSamples * 1000) / trainMs : 0,
      warnings,
    };
    epochs.push(report);
    const accuracy = report.valAccuracy ?? report.trainAccuracy;
    const dead = watch?.epoch(epoch, accuracy);
    if (dead !== undefined) {
      const last = { epoch, batch: stepsPerEpoch - 1, step: step - 1 };
      return diverged({ ...last, quantity: 'accuracy', value: accuracy, reason: dead });
    }
    if (watch === undefined || watch.healthy(accuracy)) {
      healthy.capture();
      healthyEpochs = epoch + 1;
    }
    await options.onEpochEnd?.(report);

    const watched = monitor === 'valLoss' ? (report.valLoss ?? report.trainLoss) : report.trainLoss;
    watchedLosses.push(watched);
    const state = convergence(watchedLosses, {
      ...(stopping?.patience !== undefined ? { patience: stopping.patience } : {}),
      ...(stopping?.minDelta !== undefined ? { minDelta: stopping.minDelta } : {}),
    });
    if (state.bestEpoch === epoch && bestEpoch !== epoch) {
      bestEpoch = epoch;
      if (stopping !== undefined) best.capture();
    }
    if (stopping === undefined) continue;
    const converged =
      (stopping.targetLoss !== undefined && watched <= stopping.targetLoss) ||
      (stopping.targetAccuracy !== undefined && accuracy >= stopping.targetAccuracy);
    if (converged) return finish('converged');
    if (state.stop) {
      if (stopping.restoreBest ?? true) best.restore();
      return finish('plateau');
    }
  }
  return finish('completed');
}
