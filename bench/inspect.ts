// What `inspect()` (engine/inspect.ts, the "inside the network" view) costs per call on the built-in
// models: the forward pass with activations, statistics and filters alone, and with the backward pass for
// a target class (cross-entropy and mean squared error), against a plain batch-1 `Recognizer.predict` on
// the same drawings. Each model is loaded from its files through deserializeModel, the way the app does.
// Prints the best call, p50 and p95 in µs; writes nothing (docs/benchmarks.md is not touched).
//
//   npx tsx bench/inspect.ts [--calls 400] [--ts]      (--ts: the TypeScript kernels instead of WebAssembly)

import { readFileSync } from 'node:fs';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { loadDataset } from '../datasets/load';
import { deserializeModel } from '../engine/index';
import { inspect } from '../engine/inspect';
import type { LayerSpec } from '../engine/layer';
import { Recognizer } from '../engine/predict';
import { setWasmKernels, wasmKernelsReady } from '../engine/wasm/runtime';
import { percentiles } from './tfjs-reference';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const calls = Number(arg('calls', '400'));
await wasmKernelsReady();
const wasm = setWasmKernels(!process.argv.includes('--ts'));
const load = () =>
  os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
console.log(
  `inspect() per call, ${calls} calls each after 20 warm-up; kernels: ${wasm ? 'WebAssembly SIMD' : 'TypeScript'}`,
);
console.log(`load average at start: ${load()}`);

const CROSS_ENTROPY: LayerSpec = { type: 'softmaxCrossEntropy', config: {} };
const MSE: LayerSpec = { type: 'meanSquaredError', config: {} };

/** Best, p50 and p95 in µs of `run(i)` over `calls` calls, each on the next drawing. */
function time(run: (i: number) => unknown): { best: number; median: number; p95: number } {
  for (let i = 0; i < 20; i++) run(i);
  const micros: number[] = [];
  for (let i = 0; i < calls; i++) {
    const start = performance.now();
    run(i);
    micros.push((performance.now() - start) * 1000);
  }
  // the best call is what the code costs; p50 and p95 also carry the shared machine's scheduling
  return { best: Math.min(...micros), ...percentiles(micros) };
}

const rows = ['| model | call | best µs | p50 µs | p95 µs |', '|---|---|---|---|---|'];
for (const id of ['digits', 'letters']) {
  const { model } = deserializeModel(
    JSON.parse(readFileSync(`models/${id}/model.json`, 'utf8')),
    readFileSync(`models/${id}/weights.bin`),
  );
  const data = await loadDataset(id === 'digits' ? 'mnist' : 'letters', 'test');
  const size = 784;
  const drawing = (i: number) => data.images.subarray((i % 200) * size, ((i % 200) + 1) * size);
  const target = (i: number) => data.labels[i % 200];
  const recognizer = new Recognizer(model);
  const cases: [string, (i: number) => unknown][] = [
    ['Recognizer.predict (reference)', (i) => recognizer.predict(drawing(i))],
    ['inspect, no target', (i) => inspect(model, drawing(i))],
    [
      'inspect, target, cross-entropy',
      (i) => inspect(model, drawing(i), { target: target(i), loss: CROSS_ENTROPY }),
    ],
    ['inspect, target, MSE', (i) => inspect(model, drawing(i), { target: target(i), loss: MSE })],
  ];
  for (const [name, run] of cases) {
    const t = time(run);
    rows.push(`| ${id} | ${name} | ${t.best.toFixed(0)} | ${t.median.toFixed(0)} | ${t.p95.toFixed(0)} |`);
  }
}
console.log(rows.join('\n'));
console.log(`load average at end: ${load()}`);
