// A gradient worker thread of data-parallel training (engine/parallel): serves gradients with the init
// the training thread passed as workerData, until it is told to stop. Bundled as
// dist/trainer/gradient-worker.js for the packaged app (scripts/build-electron.ts); run through tsx
// from this checkout (gradient-workers.ts says which).

import { workerData } from 'node:worker_threads';
import { serveGradients } from '../../engine/parallel/gradient-worker';
import type { GradientWorkerInit } from '../../engine/parallel/shared-layout';

serveGradients((workerData as { init: GradientWorkerInit }).init);
