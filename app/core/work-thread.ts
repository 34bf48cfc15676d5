// The core's jobs (work.ts) in a worker thread: one thread, started on first use and again after it
// dies; requests carry an id and answers find their caller. The thread is started through an injected
// SpawnWorker, like the trainer: Electron's main points it at the bundled dist/worker/worker.js, Node
// (tests, the e2e host) at work-entry.ts through tsx.

import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { CoreError, type CoreErrorCode } from '../shared/errors';
import type { JobInput, JobName, JobOutput, Work } from './work';

export type WorkRequest = { id: number; job: JobName; input: unknown };
export type WorkAnswer =
  | { id: number; ok: true; value: unknown }
  | { id: number; ok: false; message: string; code?: CoreErrorCode };

/** A running worker thread, whatever started it. */
export interface WorkerHandle {
  postMessage(message: WorkRequest): void;
  onMessage(callback: (message: WorkAnswer) => void): void;
  /** Called once when the thread ends (crash, terminate), with why if known. */
  onExit(callback: (reason: string) => void): void;
  terminate(): Promise<void>;
}

export type SpawnWorker = () => WorkerHandle;

/** work-entry.ts run through tsx: a small CommonJS script registers tsx, then imports the entry. */
const TSX_SCRIPT = `
const { workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
import('tsx/esm/api')
  .then(({ register }) => { register(); return import(pathToFileURL(workerData.entry).href); })
  .catch((error) => { console.error('core worker:', error); process.exit(1); });
`;

/**
 * SpawnWorker for a worker_threads Worker: `entry` is a bundled .js file (Electron's main), or absent
 * for this checkout's work-entry.ts through tsx (Node: tests, the e2e host).
 */
export function spawnThreadWorker(entry?: string): SpawnWorker {
  return () => {
    const worker = entry
      ? new Worker(entry)
      : new Worker(TSX_SCRIPT, {
          eval: true,
          workerData: { entry: fileURLToPath(new URL('./work-entry.ts', import.meta.url)) },
        });
    worker.unref(); // an idle worker never keeps a CLI or test process alive
    return {
      postMessage: (message) => worker.postMessage(message),
      onMessage: (callback) => worker.on('message', callback),
      onExit: (callback) => {
        let reason = 'the worker thread stopped';
        worker.on('error', (error) => {
          reason = `the worker thread failed: ${error.message}`;
        });
        worker.on('exit', (code) => callback(`${reason} (exit code ${code})`));
      },
      terminate: async () => {
        await worker.terminate();
      },
    };
  };
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** Work in a worker thread. */
export class WorkerThreadWork implements Work {
  private worker: WorkerHandle | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly spawn: SpawnWorker) {}

  run<K extends JobName>(job: K, input: JobInput<K>): Promise<JobOutput<K>> {
    if (this.closed) return Promise.reject(new CoreError('invalid', 'the core is shut down'));
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<JobOutput<K>>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ id, job, input });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    this.failAll('the core is shut down');
    await worker?.terminate();
  }

  private ensureWorker(): WorkerHandle {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    this.worker = worker;
    worker.onMessage((answer) => {
      const waiting = this.pending.get(answer.id);
      if (!waiting) return;
      this.pending.delete(answer.id);
      if (answer.ok) waiting.resolve(answer.value);
      else
        waiting.reject(answer.code ? new CoreError(answer.code, answer.message) : new Error(answer.message));
    });
    worker.onExit((reason) => {
      if (this.worker !== worker) return;
      this.worker = null; // the next job starts a fresh thread
      this.failAll(reason);
    });
    return worker;
  }

  private failAll(reason: string): void {
    for (const waiting of this.pending.values()) waiting.reject(new CoreError('io', reason));
    this.pending.clear();
  }
}
