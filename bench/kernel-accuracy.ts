// The fast kernels change nothing about accuracy: trains a preset for a few epochs on MNIST with the
// same seed on both kernel paths (WebAssembly SIMD and the pure-TypeScript fallback), and with the
// WebAssembly kernels on two threads (data-parallel), and prints the test accuracy of each. The kernel
// paths differ only in float32 vs float64 arithmetic; two threads sum each batch's gradient as two halves.
//
//   npx tsx bench/kernel-accuracy.ts [--preset mlp] [--epochs 2]
//
// Refreshes its preset's rows of the table `kernel-accuracy` of docs/benchmarks.md (bench/report.ts).

import os from 'node:os';
import { nodeGradientWorkers } from '../app/trainer/gradient-workers';
import { argmaxRow } from '../engine/metrics';
import { type PresetId, preset, presetTrainOptions } from '../engine/presets';
import { train } from '../engine/train';
import { setWasmKernels } from '../engine/wasm/runtime';
import { buildModel, classificationLoss } from './engine-adapter';
import { loadMnist } from './mnist';
import { runStart, writeRow } from './report';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const start = runStart('bench/kernel-accuracy.ts');
const id = arg('preset', 'mlp') as PresetId;
const epochs = Number(arg('epochs', '2'));
const trainSet = await loadMnist('train');
const testSet = await loadMnist('test');
console.log(
  `load average at start: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
const HEADER = [
  '| preset, kernels | epochs | test accuracy | final train loss | samples/s | measured |',
  '|---|---|---|---|---|---|',
] as const;
const rows: string[][] = [];
const modes = [
  { wasm: true, threads: 1 },
  { wasm: true, threads: 2 },
  { wasm: false, threads: 1 },
] as const;
for (const { wasm, threads } of modes) {
  setWasmKernels(wasm);
  const p = preset(id, { classes: 10 });
  const net = buildModel(p.model, 1);
  const result = await train(net, trainSet, {
    epochs,
    ...presetTrainOptions(p.training),
    loss: classificationLoss(),
    seed: 1,
    ...(threads === 2 ? { parallel: nodeGradientWorkers() } : {}),
  });
  const size = 784;
  let correct = 0;
  for (let start = 0; start < testSet.labels.length; start += 500) {
    const count = Math.min(500, testSet.labels.length - start);
    const x = {
      shape: [count, ...p.model.inputShape],
      data: testSet.images.subarray(start * size, (start + count) * size),
    };
    const out = net.forward(x, { training: false });
    for (let r = 0; r < count; r++)
      if (argmaxRow(out.data, r, out.shape[1]) === testSet.labels[start + r]) correct++;
  }
  const last = result.record.epochs.at(-1);
  const accuracy = `${((100 * correct) / testSet.labels.length).toFixed(2)} %`;
  rows.push([
    `${id}, ${wasm ? 'WebAssembly SIMD' : 'TypeScript'}, ${threads} thread${threads > 1 ? 's' : ''}`,
    String(epochs),
    accuracy,
    last?.trainLoss.toFixed(4) ?? '–',
    String(Math.round(result.record.samplesPerSecond)),
  ]);
  console.log(
    `${id} ${epochs} epochs, ${wasm ? 'WebAssembly SIMD' : 'TypeScript'} kernels, ${threads} thread${threads > 1 ? 's' : ''}: test accuracy ${((100 * correct) / testSet.labels.length).toFixed(2)} %, final train loss ${last?.trainLoss.toFixed(4)}, ${Math.round(result.record.samplesPerSecond)} samples/s`,
  );
}
console.log(
  `load average at end: ${os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(', ')}`,
);
for (const cells of rows) await writeRow('kernel-accuracy', start, HEADER, cells);
