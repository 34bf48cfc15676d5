// Data-parallel training steps on two threads: this thread runs forward and backward on the first
// half of the batch while one gradient worker (gradient-worker.ts) runs the second half; the worker's
// gradients are then added to this thread's, always in the same order (ours + the worker's), so a run
// is reproducible for a seed. The worker shares one SharedArrayBuffer (shared-layout.ts): weights go
// out and gradients come back by memcpy, steps are signalled with Atomics, no message per step.
//
// NOTE: reproducible is not identical to the single-thread mode: the gradient is summed as two halves
// (float32 rounding differs at ~1e-7 relative), and dropout draws from a second stream. Models with
// state (batch norm, whose statistics would be per half) are refused and train on one thread.
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
  /** Starts a thread that calls `serveGradients(init)` (engine/parallel/gradient-worker.ts). */
  readonly spawn: (init: GradientWorkerInit) => { terminate(): unknown };
  /** Milliseconds to wait for the worker's half before giving up. Default 60 000 (it may be starting). */
  readonly timeoutMs?: number;
}

export interface ParallelStep {
  /** Mean loss over the whole batch. */
  readonly loss: number;
  /** Samples whose logits' argmax is the target. */
  readonly correct: number;
}

/** Why `model` cannot train data-parallel, or undefined when it can. */
export function parallelUnsupported(model: unknown, loss: Loss): string | undefined {
  if (!(model instanceof Sequential)) return 'only Sequential models train on two threads';
  if (model.state().length > 0) return 'a model with state (batch norm) trains on one thread';
  if (model.outputShape.length !== 1) return 'the model must output [batch, classes]';
  if (typeof (loss as { options?: unknown }).options !== 'object') {
    return `loss ${loss.type} has no options to rebuild it in the worker`;
  }
  return undefined;
}

export class DataParallel {
  private readonly views: SharedViews;
  private readonly handle: { terminate(): unknown };
  private readonly sampleSize: number;
  private readonly classes: number;
  private readonly timeoutMs: number;
  private step = 0;
  private closed = false;

  /** Check `parallelUnsupported(model, loss)` first. */
  constructor(
    private readonly model: Sequential,
    private readonly loss: Loss,
    maxCount: number,
    seed: number,
    options: ParallelOptions,
  ) {
    const reason = parallelUnsupported(model, loss);
    if (reason !== undefined) throw new Error(`data-parallel: ${reason}`);
    this.sampleSize = model.inputShape.reduce((a, b) => a * b, 1);
    this.classes = model.outputShape[0];
    this.timeoutMs = options.timeoutMs ?? 60000;
    const sizes = {
      paramSizes: model.params().map((p) => p.value.data.length),
      maxCount: Math.max(1, Math.floor(maxCount / 2)),
      sampleSize: this.sampleSize,
      classes: this.classes,
    };
    const buffer = new SharedArrayBuffer(sharedBytes(sizes));
    this.views = sharedViews(buffer, sizes);
    const lossConfig = (loss as unknown as { options: Record<string, unknown> }).options;
    this.handle = options.spawn({
      ...sizes,
      buffer,
      model: model.toJSON(),
      loss: { type: loss.type, config: { ...lossConfig } },
      seed,
    });
  }

  /**
   * Forward, loss and backward for `count` samples of x / y, half here and half in the worker;
   * accumulates the batch's gradient into the model's params (zero them first, as for one thread).
   */
  run(x: Tensor, y: Int32Array, count: number, rng: Rng | undefined): ParallelStep {
    if (this.closed) throw new Error('data-parallel: used after close()');
    const { views, model, loss, sampleSize, classes } = this;
    const theirs = count >> 1;
    const mine = count - theirs;
    const params = model.params();
    const step = ++this.step;
    if (theirs > 0) {
      let o = 0;
      for (const p of params) {
        views.weights.set(p.value.data, o);
        o += p.value.data.length;
      }
      views.x.set(x.data.subarray(mine * sampleSize, count * sampleSize));
      views.y.set(y.subarray(mine, count));
      views.control[COUNT] = theirs;
      views.control[TOTAL] = count;
      Atomics.store(views.control, GO, step);
      Atomics.notify(views.control, GO);
    }
    // our half
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
    if (theirs === 0) return { loss: ourLoss, correct };

    this.awaitWorker(step);
    let o = 0;
    for (const p of params) {
      const g = p.grad.data;
      const theirGrad = views.grads.subarray(o, o + g.length);
      addInto(theirGrad, g); // WebAssembly SIMD: ~0.4 ns per weight against a JS loop's ~1 ns
      o += g.length;
    }
    for (let r = 0; r < theirs; r++) if (argmaxRow(views.logits, r, classes) === views.y[r]) correct++;
    return { loss: (mine * ourLoss + theirs * views.scalars[0]) / count, correct };
  }

  /**
   * Resolves once the worker has built its model (so that its start-up, a module import and a
   * WebAssembly compile, is not timed as training); rejects if it failed or did not start in time.
   */
  async ready(): Promise<void> {
    const { control } = this.views;
    const deadline = Date.now() + this.timeoutMs;
    while (Atomics.load(control, READY) === 0) {
      if (Atomics.load(control, FAILED) !== 0 || Date.now() > deadline) {
        this.close();
        throw new Error('data-parallel: the gradient worker did not start');
      }
      await yieldToEventLoop();
    }
  }

  private awaitWorker(step: number): void {
    const { control } = this.views;
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const done = Atomics.load(control, DONE);
      if (Atomics.load(control, FAILED) !== 0) {
        this.close();
        throw new Error('data-parallel: the gradient worker failed (see its error output)');
      }
      if (done === step) return;
      if (Date.now() > deadline) {
        this.close();
        throw new Error(`data-parallel: no answer from the gradient worker in ${this.timeoutMs} ms`);
      }
      Atomics.wait(control, DONE, done, 100);
    }
  }

  /** Stops the worker. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    Atomics.store(this.views.control, GO, STOP);
    Atomics.notify(this.views.control, GO);
    this.handle.terminate();
  }
}
