// Training jobs: one at a time, run in a trainer process spawned through the injected SpawnTrainer.
// The core forwards the trainer's messages as `training:event`s (progress at most 10 per second),
// saves the final model with its evaluation, and survives the trainer: a crash or kill becomes
// `{type: 'error', kind: 'crash'}` and the next job gets a fresh process.

import { randomBytes } from 'node:crypto';
import { lossOf } from '../../model/engine-model';
import { CoreError, messageOf } from '../../shared/errors';
import type {
  ModelFiles,
  SpawnTrainer,
  TrainerHandle,
  TrainerOut,
  TrainJob,
} from '../../shared/trainer-protocol';
import type {
  EpochMetrics,
  ModelSummary,
  TrainingEvent,
  TrainingSpec,
  TrainingStatus,
} from '../../shared/types';
import type { AppModelMeta } from '../model-meta';
import { readAppMeta, taskOf } from '../model-meta';

/** Progress events at most this often (ms): ≤ 10 per second. */
export const PROGRESS_INTERVAL_MS = 100;
/** How long a cancelled trainer may take to stop before it is killed (ms). */
const CANCEL_GRACE_MS = 10_000;

/** What the job manager needs from the rest of the core. */
export interface JobContext {
  spawn: SpawnTrainer;
  /** Turn a spec into the trainer's job (data paths, base model, test fraction); throws CoreError on bad specs. */
  prepare(
    spec: TrainingSpec,
    jobId: string,
  ): Promise<Omit<TrainJob, 'type' | 'jobId' | 'spec' | 'progressIntervalMs'> & { spec?: TrainingSpec }>;
  /** Save a trained model with its metadata. */
  save(files: ModelFiles, meta: AppModelMeta): Promise<ModelSummary>;
  emit(event: TrainingEvent): void;
  log(message: string): void;
}

interface Running {
  jobId: string;
  spec: TrainingSpec;
  state: 'running' | 'paused';
  /** Preset id or 'custom'; a fine-tuned model keeps its base model's. */
  architecture: string;
  epochs: EpochMetrics[];
  lastProgress: number;
  lastCheckpoint?: { epoch: number; model: ModelFiles };
  cancelTimer?: ReturnType<typeof setTimeout>;
  finished: Promise<void>;
  finish: () => void;
  /** Trainer messages handled one after another (saving is async). */
  chain: Promise<void>;
}

export class TrainingJobs {
  private trainer: TrainerHandle | null = null;
  private job: Running | null = null;
  private disposed = false;

  constructor(private readonly ctx: JobContext) {}

  status(): TrainingStatus {
    const job = this.job;
    if (!job) return { state: 'idle' };
    return { state: job.state, jobId: job.jobId, spec: job.spec, epochs: [...job.epochs] };
  }

  /** Resolves when the current job (if any) has ended. */
  idle(): Promise<void> {
    return this.job?.finished ?? Promise.resolve();
  }

  async start(spec: TrainingSpec): Promise<{ jobId: string }> {
    if (this.disposed) throw new CoreError('invalid', 'the core is shut down');
    if (this.job) {
      throw new CoreError(
        'busy',
        `a training job (${this.job.jobId}) is already ${this.job.state}; cancel it first`,
      );
    }
    const jobId = `job-${Date.now().toString(36)}-${randomBytes(2).toString('hex')}`;
    let finish = () => {};
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const job: Running = {
      jobId,
      spec,
      state: 'running',
      architecture: spec.layers?.length ? 'custom' : spec.architecture,
      epochs: [],
      lastProgress: 0,
      finished,
      finish,
      chain: Promise.resolve(),
    };
    this.job = job; // claim the slot before any await: a second start fails at once
    try {
      const { spec: recipeSpec, ...prepared } = await this.ctx.prepare(spec, jobId);
      if (recipeSpec) {
        job.spec = recipeSpec;
        job.architecture = recipeSpec.layers?.length ? 'custom' : recipeSpec.architecture;
      }
      if (prepared.base) job.architecture = readAppMeta(prepared.base.json).architecture ?? 'custom';
      const trainer = this.ensureTrainer();
      trainer.postMessage({
        type: 'train',
        jobId,
        spec: job.spec,
        progressIntervalMs: PROGRESS_INTERVAL_MS,
        ...prepared,
      });
    } catch (error) {
      this.end(job);
      throw error instanceof CoreError ? error : new CoreError('invalid', messageOf(error));
    }
    return { jobId };
  }

  pause(): void {
    if (this.job?.state === 'running') this.trainer?.postMessage({ type: 'pause' });
  }

  resume(): void {
    if (this.job?.state === 'paused') this.trainer?.postMessage({ type: 'resume' });
  }

  cancel(): void {
    const job = this.job;
    if (!job || job.cancelTimer) return;
    this.trainer?.postMessage({ type: 'cancel' });
    job.cancelTimer = setTimeout(() => {
      // The trainer did not stop in time: kill it (the exit handler reports the job as cancelled).
      this.ctx.log(`training: trainer did not stop within ${CANCEL_GRACE_MS} ms; killing it`);
      this.trainer?.kill();
    }, CANCEL_GRACE_MS);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const trainer = this.trainer;
    this.trainer = null;
    if (this.job) {
      this.ctx.emit({ type: 'cancelled', jobId: this.job.jobId });
      this.end(this.job);
    }
    trainer?.kill();
  }

  private ensureTrainer(): TrainerHandle {
    if (this.trainer) return this.trainer;
    const trainer = this.ctx.spawn();
    this.trainer = trainer;
    trainer.onMessage((message) => {
      const job = this.job;
      if (this.trainer !== trainer || !job || !('jobId' in message) || message.jobId !== job.jobId) return;
      job.chain = job.chain
        .then(() => this.handle(job, message))
        .catch((error) => this.ctx.log(messageOf(error)));
    });
    trainer.onExit((code) => {
      if (this.trainer !== trainer) return;
      this.trainer = null;
      const job = this.job;
      if (!job) return;
      void job.chain.then(() => this.crashed(job, code));
    });
    return trainer;
  }

  private async crashed(job: Running, code: number | null): Promise<void> {
    if (this.job !== job) return;
    if (job.cancelTimer) {
      this.ctx.emit({ type: 'cancelled', jobId: job.jobId });
      this.end(job);
      return;
    }
    const kept = await this.saveInterrupted(job, 'crashed');
    this.ctx.emit({
      type: 'error',
      jobId: job.jobId,
      kind: 'crash',
      message: `the trainer process stopped unexpectedly (exit code ${code ?? 'none'})${kept}`,
    });
    this.end(job);
  }

  private end(job: Running): void {
    if (job.cancelTimer) clearTimeout(job.cancelTimer);
    if (this.job === job) this.job = null;
    job.finish();
  }

  /** Keep the last checkpoint of an interrupted job as a model; returns a note for the message. */
  private async saveInterrupted(
    job: Running,
    why: string,
    lastGood?: { epoch: number; model: ModelFiles },
  ): Promise<string> {
    const checkpoint = lastGood ?? job.lastCheckpoint;
    if (!checkpoint || checkpoint.epoch < 1) return '; no epoch had completed, nothing was saved';
    try {
      const summary = await this.ctx.save(checkpoint.model, {
        ...this.meta(job, job.epochs.slice(0, checkpoint.epoch), 0),
        name: `${job.spec.name ?? job.spec.architecture} (epoch ${checkpoint.epoch}, ${why})`,
      });
      return `; the weights after epoch ${checkpoint.epoch} were kept as model ${summary.id}`;
    } catch (error) {
      return `; the last checkpoint could not be saved: ${messageOf(error)}`;
    }
  }

  private meta(job: Running, history: EpochMetrics[], seconds: number): AppModelMeta {
    const { spec } = job;
    return {
      name: spec.name ?? `${job.architecture} on ${spec.datasetId}`,
      datasetId: spec.datasetId,
      task: taskOf(spec.datasetId),
      classes: [],
      architecture: job.architecture,
      createdAt: new Date().toISOString(),
      metrics: {},
      // The loss recorded as resolved (a preset's own when the spec left it out), for the model card.
      training: {
        spec: { ...spec, loss: lossOf(spec) },
        history,
        seconds,
        finishedAt: new Date().toISOString(),
      },
    };
  }

  private async handle(job: Running, m: TrainerOut): Promise<void> {
    const { jobId } = job;
    switch (m.type) {
      case 'started':
        this.ctx.emit({
          type: 'started',
          jobId,
          spec: job.spec,
          trainCount: m.trainCount,
          validationCount: m.validationCount,
        });
        return;
      case 'progress': {
        const now = Date.now();
        if (now - job.lastProgress < PROGRESS_INTERVAL_MS) return;
        job.lastProgress = now;
        const { type: _type, ...rest } = m;
        this.ctx.emit({ type: 'progress', ...rest });
        return;
      }
      case 'epochEnd':
        job.epochs.push(m.metrics);
        this.ctx.emit({ type: 'epochEnd', jobId, ...m.metrics });
        return;
      case 'checkpoint': {
        job.lastCheckpoint = { epoch: m.epoch, model: m.model };
        const meta = this.meta(job, job.epochs, 0);
        this.ctx.emit({
          type: 'checkpoint',
          jobId,
          epoch: m.epoch,
          model: {
            summary: {
              id: `checkpoint-${jobId}`,
              name: `${meta.name} (epoch ${m.epoch})`,
              datasetId: meta.datasetId,
              task: meta.task,
              classes: (m.model.json.classes as string[] | undefined) ?? [],
              architecture: meta.architecture,
              parameters: m.model.weights.byteLength / 4,
              createdAt: meta.createdAt,
              metrics: {},
              builtin: false,
            },
            json: m.model.json,
            weights: m.model.weights,
          },
        });
        return;
      }
      case 'paused':
      case 'resumed':
        job.state = m.type === 'paused' ? 'paused' : 'running';
        this.ctx.emit({ type: m.type, jobId });
        return;
      case 'cancelled':
        this.ctx.emit({ type: 'cancelled', jobId });
        this.end(job);
        return;
      case 'error': {
        // A diverged run keeps only the weights the trainer vouches for (its last healthy epoch), never
        // the latest checkpoint, which may already hold the blow-up.
        const diverged = m.kind === 'nan' || m.kind === 'diverged';
        const kept = !diverged
          ? ''
          : m.lastGood && m.lastGoodEpoch
            ? await this.saveInterrupted(job, 'before divergence', {
                epoch: m.lastGoodEpoch,
                model: m.lastGood,
              })
            : '; no epoch had ended before the divergence, nothing was saved';
        this.ctx.emit({ type: 'error', jobId, kind: m.kind, message: `${m.message}${kept}` });
        this.end(job);
        return;
      }
      case 'done': {
        try {
          const e = m.evaluation;
          const meta = this.meta(job, m.history, m.seconds);
          if (m.converged && meta.training) meta.training.converged = m.converged;
          if (meta.training) meta.training.threads = m.threads;
          const f = m.fineTune;
          // A fine-tuned model without a name is named after its base and what it learned.
          if (f && !job.spec.name)
            meta.name = f.newClasses.length
              ? `${f.baseModelName || f.baseModelId} + ${f.newClasses.join(' ')}`
              : `${f.baseModelName || f.baseModelId}, fine-tuned on ${job.spec.datasetId}`;
          const summary = await this.ctx.save(m.model, {
            ...meta,
            classes: (m.model.json.classes as string[] | undefined) ?? [],
            metrics: {
              testAccuracy: e.accuracy,
              testLoss: e.loss,
              evaluatedOn: `${e.datasetId} ${e.split} split, ${e.count.toLocaleString('en')} images`,
            },
            evaluation: e,
            ...(m.fineTune ? { fineTune: m.fineTune } : {}),
            ...(m.suspicious ? { suspicious: m.suspicious } : {}),
            ...(m.calibration ? { calibration: m.calibration } : {}),
            ...(m.alsoEvaluated ? { alsoEvaluated: m.alsoEvaluated } : {}),
            ...(m.recipe ? { recipe: m.recipe } : {}),
            data: m.data,
          });
          this.ctx.emit({
            type: 'done',
            jobId,
            model: summary,
            evaluation: e,
            ...(m.suspicious ? { suspicious: m.suspicious } : {}),
            threads: m.threads,
          });
        } catch (error) {
          this.ctx.emit({
            type: 'error',
            jobId,
            kind: 'io',
            message: `the model could not be saved: ${messageOf(error)}`,
          });
        }
        this.end(job);
        return;
      }
      default:
        return;
    }
  }
}
