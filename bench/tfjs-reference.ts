// The TensorFlow.js reference for the engine benchmark: the same models (M1 MLP, M2 LeNet-style) built
// with tf.layers, trained and timed on the same data. Backends: 'cpu' (plain JS) and 'wasm' (XNNPACK),
// the .wasm binaries loaded from node_modules (nothing is downloaded).

import { createRequire } from 'node:module';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import type { Dataset } from '../engine/batch';

const require = createRequire(import.meta.url);

export type TfBackend = 'cpu' | 'wasm';
export type ReferenceModel = 'M1' | 'M2';

let wasmPathSet = false;

export async function selectBackend(backend: TfBackend): Promise<void> {
  if (backend === 'wasm' && !wasmPathSet) {
    const dist = path.join(
      path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm/package.json')),
      'dist',
    );
    setWasmPaths(`${dist}${path.sep}`);
    wasmPathSet = true;
  }
  if (!(await tf.setBackend(backend))) throw new Error(`tfjs: backend '${backend}' failed to initialise`);
  await tf.ready();
}

function build(model: ReferenceModel, classes: number): tf.Sequential {
  const m = tf.sequential();
  if (model === 'M1') {
    m.add(tf.layers.dense({ inputShape: [784], units: 256, activation: 'relu' }));
    m.add(tf.layers.dense({ units: 128, activation: 'relu' }));
    m.add(tf.layers.dense({ units: classes }));
  } else {
    m.add(tf.layers.conv2d({ inputShape: [28, 28, 1], filters: 8, kernelSize: 5, activation: 'relu' }));
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.conv2d({ filters: 16, kernelSize: 5, activation: 'relu' }));
    m.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    m.add(tf.layers.flatten());
    m.add(tf.layers.dense({ units: 128, activation: 'relu' }));
    m.add(tf.layers.dense({ units: classes }));
  }
  // tf.train.momentum: a ← μ·a + g; w ← w − lr·a, the same steps as ours for a constant rate
  m.compile({
    optimizer: tf.train.momentum(0.01, 0.9),
    loss: (labels: tf.Tensor, logits: tf.Tensor) => tf.losses.softmaxCrossEntropy(labels, logits),
  });
  return m;
}

function inputs(model: ReferenceModel, data: Dataset, count: number): tf.Tensor {
  const pixels = data.images.subarray(0, count * 784);
  return model === 'M1' ? tf.tensor2d(pixels, [count, 784]) : tf.tensor4d(pixels, [count, 28, 28, 1]);
}

export interface ReferenceResult {
  readonly samplesPerSecond: number;
  readonly samples: number;
  readonly inferenceMicros: { readonly median: number; readonly p95: number };
  /** Why training could not run on this backend, if it could not. */
  readonly trainError?: string;
}

/** Trains one epoch over the first `count` samples (batch 64, momentum 0.9, lr 0.01), then times batch-1 inference. */
export async function runReference(
  backend: TfBackend,
  model: ReferenceModel,
  data: Dataset,
  count: number,
  inferenceRuns: number,
): Promise<ReferenceResult> {
  await selectBackend(backend);
  const m = build(model, 10);
  const xs = inputs(model, data, count);
  const ys = tf.oneHot(tf.tensor1d(Int32Array.from(data.labels.subarray(0, count)), 'int32'), 10);
  // one warm-up batch so that kernel setup is not timed; a backend without a training kernel (the
  // wasm backend has no Conv2DBackpropFilter) is reported, and inference is still measured
  let samplesPerSecond = Number.NaN;
  let trainError: string | undefined;
  try {
    await m.fit(xs.slice(0, 64), ys.slice(0, 64), { batchSize: 64, epochs: 1, verbose: 0 });
    const start = performance.now();
    await m.fit(xs, ys, { batchSize: 64, epochs: 1, shuffle: true, verbose: 0 });
    samplesPerSecond = count / ((performance.now() - start) / 1000);
  } catch (error) {
    trainError = error instanceof Error ? error.message : String(error);
  }

  const one = inputs(model, data, 1);
  const times: number[] = [];
  for (let i = 0; i < inferenceRuns + 20; i++) {
    const t0 = performance.now();
    const out = m.predict(one) as tf.Tensor;
    out.dataSync();
    out.dispose();
    if (i >= 20) times.push((performance.now() - t0) * 1000);
  }
  tf.dispose([xs, ys, one]);
  m.dispose();
  return { samplesPerSecond, samples: count, inferenceMicros: percentiles(times), trainError };
}

export function percentiles(micros: number[]): { median: number; p95: number } {
  const sorted = [...micros].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95) };
}
