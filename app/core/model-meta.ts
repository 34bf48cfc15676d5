// What the app keeps about a model beyond the engine's own fields (name, dataset, metrics, training
// record), stored inside the engine's model.json under `metadata.glyphLab`, so one file pair is the
// whole model and other tools see a plain engine model.

import type { RunReport } from '../shared/trainer-protocol';
import type {
  Convergence,
  EpochMetrics,
  Evaluation,
  ModelMetrics,
  ModelSummary,
  Task,
  ThreadsUsed,
  TrainingSpec,
} from '../shared/types';

export interface TrainingRecord {
  spec: TrainingSpec;
  history: EpochMetrics[];
  /** Set when the run stopped because the validation error stopped improving (early stopping). */
  converged?: Convergence;
  /** The threads it trained on and why (a seed reproduces the weights for that count). */
  threads?: ThreadsUsed;
  seconds: number;
  finishedAt: string;
}

/** The run's report (fine-tuning, suspicious samples, calibration, recipe, data) is kept as it came. */
export interface AppModelMeta extends Partial<RunReport> {
  name: string;
  datasetId: string;
  task: Task;
  classes: string[];
  architecture: string;
  createdAt: string;
  metrics: ModelMetrics;
  /** The last evaluation on held-out data (confusion matrix, per class). */
  evaluation?: Evaluation;
  training?: TrainingRecord;
  /** Where an imported model came from. */
  importedFrom?: string;
}

const KEY = 'glyphLab';

function metadataOf(json: Record<string, unknown>): Record<string, unknown> {
  const m = json.metadata;
  return m !== null && typeof m === 'object' && !Array.isArray(m) ? (m as Record<string, unknown>) : {};
}

export function readAppMeta(json: Record<string, unknown>): Partial<AppModelMeta> {
  const m = metadataOf(json)[KEY];
  return m !== null && typeof m === 'object' ? (m as Partial<AppModelMeta>) : {};
}

export function withAppMeta(json: Record<string, unknown>, meta: AppModelMeta): Record<string, unknown> {
  return { ...json, metadata: { ...metadataOf(json), [KEY]: meta } };
}

/** The classes the engine JSON names, if any (the engine's own field wins over app metadata). */
export function classesOf(json: Record<string, unknown>): string[] | undefined {
  const c = json.classes;
  return Array.isArray(c) && c.every((x) => typeof x === 'string') ? (c as string[]) : undefined;
}

export function taskOf(datasetId: string): Task {
  if (datasetId === 'mnist') return 'digits';
  if (datasetId === 'letters') return 'letters';
  if (datasetId === 'pen-characters') return 'characters';
  return 'custom';
}

export function summaryOf(
  id: string,
  json: Record<string, unknown>,
  parameters: number,
  builtin: boolean,
  fallbackTime: string,
): ModelSummary {
  const meta = readAppMeta(json);
  const datasetId = typeof meta.datasetId === 'string' ? meta.datasetId : 'unknown';
  return {
    id,
    name: typeof meta.name === 'string' ? meta.name : id,
    datasetId,
    task: meta.task ?? taskOf(datasetId),
    classes: classesOf(json) ?? meta.classes ?? [],
    architecture: typeof meta.architecture === 'string' ? meta.architecture : 'custom',
    parameters,
    createdAt: typeof meta.createdAt === 'string' ? meta.createdAt : fallbackTime,
    metrics: meta.metrics ?? {},
    ...(meta.alsoEvaluated?.length
      ? {
          alsoTested: meta.alsoEvaluated.map(({ label, datasetId, split, count, accuracy }) => ({
            label,
            datasetId,
            split,
            count,
            accuracy,
          })),
        }
      : {}),
    ...(meta.fineTune ? { fineTune: meta.fineTune } : {}),
    builtin,
  };
}
