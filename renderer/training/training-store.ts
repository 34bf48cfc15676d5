// The Train screen's state, DOM-free: training events from main reduced into one snapshot that
// survives tab switches (progress, per-epoch curves, the final evaluation, errors).

import type {
  EpochMetrics,
  Evaluation,
  ModelSummary,
  SuspiciousSample,
  TrainingEvent,
  TrainingProgress,
  TrainingSpec,
  TrainingState,
  TrainingStatus,
} from '../../app/shared/types';

/** A loss sample inside an epoch, for the live curve: x in fractional epochs. */
export interface LossPoint {
  x: number;
  loss: number;
}

export type Outcome =
  | { kind: 'none' }
  | { kind: 'done'; model: ModelSummary; evaluation: Evaluation; suspicious: SuspiciousSample[] }
  | { kind: 'cancelled' }
  | { kind: 'error'; message: string };

export interface TrainingSnapshot {
  state: TrainingState;
  jobId: string | null;
  spec: TrainingSpec | null;
  trainCount: number;
  validationCount: number;
  progress: TrainingProgress | null;
  /** Batch losses as they arrive (the live training curve between epoch ends). */
  batchLoss: LossPoint[];
  epochs: EpochMetrics[];
  outcome: Outcome;
  /** Epochs with a checkpoint (the Draw screen re-predicts on them). */
  checkpoints: number;
}

export const initialTraining: TrainingSnapshot = {
  state: 'idle',
  jobId: null,
  spec: null,
  trainCount: 0,
  validationCount: 0,
  progress: null,
  batchLoss: [],
  epochs: [],
  outcome: { kind: 'none' },
  checkpoints: 0,
};

/** At most this many batch-loss points are kept (older ones thinned), so the chart stays cheap. */
export const MAX_LOSS_POINTS = 2000;

export function reduceTraining(s: TrainingSnapshot, e: TrainingEvent): TrainingSnapshot {
  if (e.type !== 'started' && s.jobId !== null && e.jobId !== s.jobId) return s;
  switch (e.type) {
    case 'started':
      return {
        ...initialTraining,
        state: 'running',
        jobId: e.jobId,
        spec: e.spec,
        trainCount: e.trainCount,
        validationCount: e.validationCount,
      };
    case 'progress': {
      const x = e.epoch - 1 + e.batch / Math.max(1, e.batches);
      let batchLoss = [...s.batchLoss, { x, loss: e.loss }];
      if (batchLoss.length > MAX_LOSS_POINTS) batchLoss = batchLoss.filter((_, i) => i % 2 === 0);
      const { type: _t, jobId: _j, ...progress } = e;
      return { ...s, progress, batchLoss };
    }
    case 'epochEnd': {
      const { type: _t, jobId: _j, ...metrics } = e;
      return { ...s, epochs: [...s.epochs.filter((m) => m.epoch !== metrics.epoch), metrics] };
    }
    case 'checkpoint':
      return { ...s, checkpoints: s.checkpoints + 1 };
    case 'paused':
      return { ...s, state: 'paused' };
    case 'resumed':
      return { ...s, state: 'running' };
    case 'done':
      return {
        ...s,
        state: 'idle',
        progress: s.progress ? { ...s.progress, fraction: 1, etaSeconds: 0 } : null,
        outcome: { kind: 'done', model: e.model, evaluation: e.evaluation, suspicious: e.suspicious ?? [] },
      };
    case 'cancelled':
      return { ...s, state: 'idle', outcome: { kind: 'cancelled' } };
    case 'error':
      return { ...s, state: 'idle', outcome: { kind: 'error', message: `${e.kind}: ${e.message}` } };
  }
}

/** Adopt a job already under way when the window (re)opens. */
export function fromStatus(status: TrainingStatus): TrainingSnapshot {
  if (status.state === 'idle' || !status.jobId) return initialTraining;
  return {
    ...initialTraining,
    state: status.state,
    jobId: status.jobId,
    spec: status.spec ?? null,
    epochs: status.epochs ?? [],
  };
}

/**
 * A start the person asked for that has not reached the screen yet: `jobId` is null until
 * `training.start` answers, and the snapshot keeps the previous run until the job's `started`
 * event arrives (the trainer reads its data first).
 */
export interface PendingStart {
  jobId: string | null;
  spec: TrainingSpec;
}

/**
 * What the Train screen shows: between pressing Start and the new job's `started` event, a fresh
 * "Starting" snapshot, never the previous run's "Finished", its 100 % bar or its curves.
 */
export function shownTraining(s: TrainingSnapshot, pending: PendingStart | null): TrainingSnapshot {
  if (!pending || (pending.jobId !== null && s.jobId === pending.jobId)) return s;
  return { ...initialTraining, state: 'running', spec: pending.spec };
}

/** The heading of the progress panel. */
export function statusTitle(t: TrainingSnapshot): string {
  if (t.state === 'running') return t.jobId === null ? 'Starting' : 'Training';
  if (t.state === 'paused') return 'Paused';
  if (t.outcome.kind === 'error') return 'Failed';
  if (t.outcome.kind === 'cancelled') return 'Cancelled';
  return 'Finished';
}

/**
 * The line beside the title: live figures while running, where it stopped while paused (no rate,
 * no ETA: nothing is moving), a summary once finished.
 */
export function progressLine(t: TrainingSnapshot): string {
  const p = t.progress;
  if (t.state === 'idle' && t.outcome.kind === 'done') {
    const seconds = t.epochs.reduce((sum, e) => sum + e.seconds, 0);
    return `${t.epochs.length} epoch${t.epochs.length === 1 ? '' : 's'} in ${formatDuration(seconds)} · ${t.trainCount.toLocaleString()} training images`;
  }
  if (t.state === 'running' && t.jobId === null) return 'reading the data…';
  if (p && t.state === 'paused')
    return `epoch ${p.epoch}/${p.epochs} · batch ${p.batch}/${p.batches} · paused`;
  if (p && t.state === 'running') {
    const rate = `${Math.round(p.samplesPerSecond).toLocaleString()} samples/s`;
    // The first batches have no rate yet: an ETA of 0 s would read as "done".
    const eta = p.etaSeconds > 0 ? ` · ETA ${formatDuration(p.etaSeconds)}` : '';
    return `epoch ${p.epoch}/${p.epochs} · batch ${p.batch}/${p.batches} · ${rate}${eta}`;
  }
  if (t.trainCount)
    return `${t.trainCount.toLocaleString()} training, ${t.validationCount.toLocaleString()} validation images`;
  return '';
}

/** "1 h 02 min", "3 min 05 s", "12 s". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '—';
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}
