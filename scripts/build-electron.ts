// Bundles the Electron entries with esbuild: main (ESM), the sandboxed preload (CommonJS: a
// sandboxed preload cannot load ES modules), the trainer utility process, its gradient workers and the
// core's worker thread (ESM). Why esbuild: one fast tool for five small Node-side bundles; Vite (Rolldown) stays for the
// renderer, where its dev server and React transform matter.

import { type BuildOptions, build } from 'esbuild';

const shared: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  // Native modules and Electron itself stay outside the bundles.
  external: ['electron', 'sharp', 'onnxruntime-node'],
};
const esmRequireShim = {
  js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
};

const started = performance.now();
await Promise.all([
  build({
    ...shared,
    entryPoints: ['app/main/main.ts'],
    outfile: 'dist/main/main.js',
    format: 'esm',
    banner: esmRequireShim,
  }),
  build({
    ...shared,
    entryPoints: ['app/preload/preload.ts'],
    outfile: 'dist/preload/preload.cjs',
    format: 'cjs',
  }),
  build({
    ...shared,
    entryPoints: ['app/core/work-entry.ts'],
    outfile: 'dist/worker/worker.js',
    format: 'esm',
    banner: esmRequireShim,
  }),
  build({
    ...shared,
    entryPoints: ['app/trainer/main.ts'],
    outfile: 'dist/trainer/trainer.js',
    format: 'esm',
    banner: esmRequireShim,
  }),
  // The trainer's data-parallel gradient workers: beside trainer.js, where app/trainer/gradient-workers.ts
  // looks for it when it runs bundled.
  build({
    ...shared,
    entryPoints: ['app/trainer/gradient-worker-entry.ts'],
    outfile: 'dist/trainer/gradient-worker.js',
    format: 'esm',
    banner: esmRequireShim,
  }),
]);
console.log(`electron entries bundled in ${Math.round(performance.now() - started)} ms`);
