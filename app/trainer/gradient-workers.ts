// Node host for the engine's data-parallel training (engine/parallel): `nodeGradientWorkers(threads)`
// is TrainOptions.parallel for Node and the Electron utility process, starting each gradient worker as
// a worker_threads Worker running gradient-worker-entry.ts. Where that runs from depends on how this
// module runs: bundled (the packaged app's dist/trainer/trainer.js) it is the bundled
// dist/trainer/gradient-worker.js beside it; as TypeScript (tests, the CLI, the e2e host) a small
// eval script registers tsx first and imports the .ts entry.

import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParallelOptions } from '../../engine/parallel/data-parallel';
import { FAILED } from '../../engine/parallel/shared-layout';

/** The worker's entry file, and whether it needs tsx (a .ts file) or is plain bundled JavaScript. */
export interface WorkerEntry {
  readonly file: string;
  readonly tsx: boolean;
}

/**
 * Where the gradient worker's entry is for the module at `moduleUrl` (this file's import.meta.url): the
 * bundle's sibling gradient-worker.js when this code runs bundled (.js), else gradient-worker-entry.ts.
 */
export function gradientWorkerEntry(moduleUrl: string): WorkerEntry {
  const bundled = !new URL(moduleUrl).pathname.endsWith('.ts');
  return bundled
    ? { file: fileURLToPath(new URL('./gradient-worker.js', moduleUrl)), tsx: false }
    : { file: fileURLToPath(new URL('./gradient-worker-entry.ts', moduleUrl)), tsx: true };
}

/**
 * Registers tsx, then imports the entry. If the worker cannot start (no tsx, a missing file) it sets the
 * shared FAILED flag itself, so that the training thread stops waiting at once.
 */
const TSX_SCRIPT = `
const { workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
import('tsx/esm/api')
  .then(({ register }) => { register(); return import(pathToFileURL(workerData.entry).href); })
  .catch((error) => {
    console.error('gradient worker:', error);
    const control = new Int32Array(workerData.init.buffer, 0, workerData.failed + 1);
    Atomics.store(control, workerData.failed, 1);
    process.exitCode = 1;
  });
`;

/** TrainOptions.parallel on `threads` threads (this one and threads − 1 workers). */
export function nodeGradientWorkers(
  threads = 2,
  entry: WorkerEntry = gradientWorkerEntry(import.meta.url),
): ParallelOptions {
  return {
    threads,
    spawn: (init) => {
      const worker = entry.tsx
        ? new Worker(TSX_SCRIPT, { eval: true, workerData: { entry: entry.file, init, failed: FAILED } })
        : new Worker(entry.file, { workerData: { init } });
      // A worker that dies before it serves (a bundled entry missing, a crash at load) says so through
      // the shared flag; the training thread polls it while it waits for the workers to be ready.
      worker.on('error', (error) => {
        console.error('gradient worker:', error);
        Atomics.store(new Int32Array(init.buffer, 0, FAILED + 1), FAILED, 1);
      });
      worker.unref();
      return { terminate: () => worker.terminate() };
    },
  };
}
