// The worker side of data-parallel training: builds the model and loss from their specs, then loops:
// wait for a step (Atomics.wait on GO), take the weights and its samples from shared memory, forward,
// loss, backward, write its gradients (pre-scaled by its share of the batch), logits and loss back,
// signal DONE. No messages per step, no Node API: a host starts a thread that calls `serveGradients`
// with the init it was given (app/trainer/gradient-workers.ts does it with worker_threads).

import '../layers/index';
import { createLoss } from '../losses/index';
import { type ModelSpec, Sequential } from '../model';
import '../recurrent/index';
import { Rng } from '../rng';
import { zeroGrads } from '../tensor';
import {
  COUNT,
  DONE,
  FAILED,
  GO,
  type GradientWorkerInit,
  READY,
  STOP,
  sharedViews,
  TOTAL,
} from './shared-layout';

/** Runs until the training thread posts STOP. Blocks its thread (it is meant to own one). */
export function serveGradients(init: GradientWorkerInit): void {
  const views = sharedViews(init.buffer, init);
  const { control } = views;
  try {
    const model = new Sequential(init.model as ModelSpec, new Rng(1));
    const loss = createLoss(init.loss);
    const params = model.params();
    const rng = new Rng(init.seed);
    let seen = 0;
    Atomics.store(control, READY, 1);
    for (;;) {
      Atomics.wait(control, GO, seen);
      const step = Atomics.load(control, GO);
      if (step === STOP) return;
      seen = step;
      const count = control[COUNT];
      const scale = count / control[TOTAL];
      let o = 0;
      for (const p of params) {
        const n = p.value.data.length;
        p.value.data.set(views.weights.subarray(o, o + n));
        o += n;
      }
      zeroGrads(params);
      const x = { shape: [count, ...model.inputShape], data: views.x.subarray(0, count * init.sampleSize) };
      const y = views.y.subarray(0, count);
      const out = model.forward(x, { training: true, rng });
      views.scalars[0] = loss.forward(out, y);
      views.logits.set(out.data.subarray(0, count * init.classes));
      const dOut = loss.backward();
      // the loss is a mean over this worker's samples: scale to its share of the whole batch so that
      // the two halves' gradients add up to the gradient of the batch mean
      for (let i = 0; i < dOut.data.length; i++) dOut.data[i] *= scale;
      model.backward(dOut);
      o = 0;
      for (const p of params) {
        views.grads.set(p.grad.data, o);
        o += p.grad.data.length;
      }
      Atomics.store(control, DONE, step);
      Atomics.notify(control, DONE);
    }
  } catch (error) {
    Atomics.store(control, FAILED, 1);
    Atomics.store(control, DONE, STOP);
    Atomics.notify(control, DONE);
    throw error;
  }
}
