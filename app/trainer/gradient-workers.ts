// Node host for the engine's data-parallel training (engine/parallel): `nodeGradientWorkers()` is
// TrainOptions.parallel for Node and the Electron utility process, starting each gradient worker as a
// worker_threads Worker. The worker is a small CommonJS eval script that registers tsx (the project
// runs its TypeScript through tsx; a bundled build would point at its compiled entry instead) and
// calls serveGradients with the init the engine passed, which holds the SharedArrayBuffer.

import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ParallelOptions } from '../../engine/parallel/data-parallel';

const ENTRY = fileURLToPath(new URL('../../engine/parallel/gradient-worker.ts', import.meta.url));

const SCRIPT = `
const { workerData } = require('node:worker_threads');
const { pathToFileURL } = require('node:url');
import('tsx/esm/api')
  .then(({ register }) => { register(); return import(pathToFileURL(workerData.entry).href); })
  .then((m) => m.serveGradients(workerData.init))
  .catch((error) => { console.error('gradient worker:', error); process.exitCode = 1; });
`;

export function nodeGradientWorkers(): ParallelOptions {
  return {
    spawn: (init) => {
      const worker = new Worker(SCRIPT, { eval: true, workerData: { entry: ENTRY, init } });
      worker.unref();
      return { terminate: () => worker.terminate() };
    },
  };
}
