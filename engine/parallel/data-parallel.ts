// Data-parallel training steps on N threads: the batch is cut into N contiguous shards; this thread
// runs forward and backward on the first while N − 1 gradient workers (gradient-worker.ts) run the
// others; the workers' gradients are then added to this thread's, always in the same order (ours, then
// worker 1, 2, ...), so a run is reproducible for a seed and a thread count. Each worker shares one
// SharedArrayBuffer with this thread (shared-layout.ts): weights go out and gradients come back by
// memcpy, steps are signalled with Atomics, no message per step.
//
// NOTE: reproducible is not identical across thread counts: the gradient is summed as N shards
// (float32 rounding differs at ~1e-7 relative), and each worker's dropout draws from its own stream.
// Models with state (batch norm, whose statistics would be per shard) are refused and train on one thread.
// The engine cannot start threads itself (no Node or DOM API here): the host passes `spawn`.

import { addInto } from '../kernels/optimizers';
import type { Loss } from '../layer';
import { argmaxRow } from '../metrics';
import { Sequential } from '../model';
import type { Rng } from '../rng';
import type { Tensor } from '../tensor';
import { yieldToEventLoop } from '../train-control';
import {
  COUNT,
  DONE,
  FAILED,
  GO,
  type GradientWorkerInit,
  READY,
  type SharedViews,
  STOP,
  sharedBytes,
  sharedViews,
  TOTAL,
} from './shared-layout';

export type { GradientWorkerInit } from './shared-layout';

export interface ParallelOptions {
  /** Threads in all, this one included (2 or more). Default 2. */
  readonly threads?: number;
  /** Starts a thread that calls `serveGradients(init)` (engine/parallel/gradient-worker.ts). */
  readonly spawn: (init: GradientWorkerInit) => { terminate(): unknown };
  /** Milliseconds to wait for a worker's shard before giving up. Default 60 000 (it may be starting). */
  readonly timeoutMs?: number;
  /** Told why when `train` runs on one thread after all (a model it cannot split, workers that did not start). */
  readonly onOneThread?: (reason: string) => void;
}

export interface ParallelStep {
  /** Mean loss over the whole batch. */
  readonly loss: number;
  /** Samples whose logits' argmax is the target. */
  readonly correct: number;
}

/** Why `model` cannot train data-parallel, or undefined when it can. */
export function parallelUnsupported(model: unknown, loss: Loss): string | undefined {
  if (!(model instanceof Sequential)) return 'only Sequential models train on several threads';
  if (model.state().length > 0) return 'a model with state (batch norm) trains on one thread';
  if (model.outputShape.length !== 1) return 'the model must output [batch, classes]';
  if (typeof (loss as { options?: unknown }).options !== 'object') {
    return `loss ${loss.type} has no options to rebuild it in the worker`;
  }
  return undefined;
}

/** Shard sizes of a batch of `count` on `threads` threads: contiguous, the first ones one larger. */
export function shardSizes(count: number, threads: number): number[] {
  const base = Math.floor(count / threads);
  const extra = count % threads;
  return Array.from({ length: threads }, (_, i) => base + (i < extra ? 1 : 0));
}

interface WorkerSlot {
  readonly views: SharedViews;
  readonly handle: { terminate(): unknown };
}

export class DataParallel {
  private readonly workers: WorkerSlot[] = [];
  private readonly threads: number;
  private readonly sampleSize: number;
  private readonly classes: number;
  private readonly timeoutMs: number;
  private step = 0;
  private closed = false;

  /** Check `parallelUnsupported(model, loss)` first. Worker i (from 1) seeds its dropout with seed + i − 1. */
  constructor(
    private readonly model: Sequential,
    private readonly loss: Loss,
    maxCount: number,
    seed: number,
    options: ParallelOptions,
  ) {
    const reason = parallelUnsupported(model, loss);
    if (reason !== undefined) throw new Error(`data-parallel: ${reason}`);
    this.threads = Math.max(2, Math.floor(options.threads ?? 2));
    this.sampleSize = model.inputShape.reduce((a, b) => a * b, 1);
    this.classes = model.outputShape[0];
    this.timeoutMs = options.timeoutMs ?? 60000;
    const sizes = {
      paramSizes: model.params().map((p) => p.value.data.length),
      maxCount: Math.max(1, Math.ceil(maxCount / this.threads)),
      sampleSize: this.sampleSize,
      classes: this.classes,
    };
    const lossConfig = (loss as unknown as { options: Record<string, unknown> }).options;
    try {
      for (let i = 1; i < this.threads; i++) {
        const buffer = new SharedArrayBuffer(sharedBytes(sizes));
        const views = sharedViews(buffer, sizes);
        const handle = options.spawn({
          ...sizes,
          buffer,
          model: model.toJSON(),
          loss: { type: loss.type, config: { ...lossConfig } },
          seed: seed + i - 1,
        });
        this.workers.push({ views, handle });
      }
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /**
   * Forward, loss and backward for `count` samples of x / y, one shard here and one in each worker;
   * accumulates the batch's gradient into the model's params (zero them first, as for one thread).
   */
  run(x: Tensor, y: Int32Array, count: number, rng: Rng | undefined): ParallelStep {
    if (this.closed) throw new Error('data-parallel: used after close()');
    const { model, loss, sampleSize, classes, workers } = this;
    const shards = shardSizes(count, this.threads);
    const mine = shards[0]!;
    const params = model.params();
    const step = ++this.step;
    let start = mine;
    workers.forEach(({ views }, w) => {
      const n = shards[w + 1]!;
      if (n > 0) {
        let o = 0;
        for (const p of params) {
          views.weights.set(p.value.data, o);
          o += p.value.data.length;
        }
        views.x.set(x.data.subarray(start * sampleSize, (start + n) * sampleSize));
        views.y.set(y.subarray(start, start + n));
        views.control[COUNT] = n;
        views.control[TOTAL] = count;
        Atomics.store(views.control, GO, step);
        Atomics.notify(views.control, GO);
      }
      start += n;
    });
    // our shard
    const ours = { shape: [mine, ...x.shape.slice(1)], data: x.data.subarray(0, mine * sampleSize) };
    const target = y.subarray(0, mine);
    const out = model.forward(ours, rng !== undefined ? { training: true, rng } : { training: true });
    const ourLoss = loss.forward(out, target);
    let correct = 0;
    for (let r = 0; r < mine; r++) if (argmaxRow(out.data, r, classes) === target[r]) correct++;
    const dOut = loss.backward();
    const scale = mine / count;
    for (let i = 0; i < dOut.data.length; i++) dOut.data[i] *= scale;
    model.backward(dOut);

    let lossSum = mine * ourLoss;
    // in worker order, always: the sum (and so the weights) depends on the thread count, never on timing
    workers.forEach(({ views }, w) => {
      const n = shards[w + 1]!;
      if (n === 0) return;
      this.awaitWorker(views, step);
      let o = 0;
      for (const p of params) {
        const g = p.grad.data;
        const theirGrad = views.grads.subarray(o, o + g.length);
        addInto(theirGrad, g); // WebAssembly SIMD: ~0.4 ns per weight against a JS loop's ~1 ns
        o += g.length;
      }
      for (let r = 0; r < n; r++) if (argmaxRow(views.logits, r, classes) === views.y[r]) correct++;
      lossSum += n * views.scalars[0]!;
    });
    return { loss: lossSum / count, correct };
  }

  /**
   * Resolves once the worker has built its model (so that its start-up, a module import and a
   * WebAssembly compile, is not timed as training); rejects if it failed or did not start in time.
   */
  async ready(): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    for (const { views } of this.workers) {
      const { control } = views;
      while (Atomics.load(control, READY) === 0) {
        if (Atomics.load(control, FAILED) !== 0 || Date.now() > deadline) {
          this.close();
          throw new Error('data-parallel: a gradient worker did not start');
        }
        await yieldToEventLoop();
      }
    }
  }

  private awaitWorker(views: SharedViews, step: number): void {
    const { control } = views;
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const done = Atomics.load(control, DONE);
      if (Atomics.load(control, FAILED) !== 0) {
        this.close();
        throw new Error('data-parallel: a gradient worker failed (see its error output)');
      }
      if (done === step) return;
      if (Date.now() > deadline) {
        this.close();
        throw new Error(`data-parallel: no answer from a gradient worker in ${this.timeoutMs} ms`);
      }
      Atomics.wait(control, DONE, done, 100);
    }
  }

  /** Stops the workers. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const { views, handle } of this.workers) {
      Atomics.store(views.control, GO, STOP);
      Atomics.notify(views.control, GO);
      handle.terminate();
    }
  }
}
