// The SharedArrayBuffer that the training thread and one gradient worker share for data-parallel
// steps (data-parallel.ts, gradient-worker.ts): control words, the weights, the worker's gradients,
// its half of the batch and its logits. One layout function, written once, used on both sides.

/** Control words (Int32): the step the worker should run, the step it finished, its sample count,
 *  the whole batch's count (for the gradient scale), an error flag, a ready flag. */
export const GO = 0;
export const DONE = 1;
export const COUNT = 2;
export const TOTAL = 3;
export const FAILED = 4;
/** Set to 1 by the worker once its model is built and it waits for steps. */
export const READY = 5;
const CONTROL_WORDS = 8;
/** GO value that tells the worker to return. */
export const STOP = -1;

/** What a host passes to its worker thread (as `workerData` with worker_threads): plain data. */
export interface GradientWorkerInit {
  readonly buffer: SharedArrayBuffer;
  /** The model's spec (`Sequential.toJSON()`); its weights come through `buffer` every step. */
  readonly model: { readonly inputShape: readonly number[]; readonly layers: readonly unknown[] };
  /** The loss as `{type, config}` for the loss registry. */
  readonly loss: { readonly type: string; readonly config: Readonly<Record<string, unknown>> };
  /** Sizes of the parameters in `params()` order, the largest batch the worker gets, sizes per sample. */
  readonly paramSizes: readonly number[];
  readonly maxCount: number;
  readonly sampleSize: number;
  readonly classes: number;
  /** Seeds the worker's dropout stream. */
  readonly seed: number;
}

export interface SharedViews {
  readonly control: Int32Array;
  /** [0] the worker's mean loss over its samples. */
  readonly scalars: Float64Array;
  readonly weights: Float32Array;
  readonly grads: Float32Array;
  readonly x: Float32Array; // [maxCount, sampleSize]
  readonly y: Int32Array; // [maxCount]
  readonly logits: Float32Array; // [maxCount, classes]
}

type Sizes = Pick<GradientWorkerInit, 'paramSizes' | 'maxCount' | 'sampleSize' | 'classes'>;

function offsets(s: Sizes) {
  const total = s.paramSizes.reduce((a, b) => a + b, 0);
  const align = (n: number) => (n + 15) & ~15;
  const scalars = align(4 * CONTROL_WORDS);
  const weights = align(scalars + 16);
  const grads = align(weights + 4 * total);
  const x = align(grads + 4 * total);
  const y = align(x + 4 * s.maxCount * s.sampleSize);
  const logits = align(y + 4 * s.maxCount);
  const end = align(logits + 4 * s.maxCount * s.classes);
  return { total, scalars, weights, grads, x, y, logits, end };
}

export function sharedBytes(s: Sizes): number {
  return offsets(s).end;
}

export function sharedViews(buffer: SharedArrayBuffer, s: Sizes): SharedViews {
  const o = offsets(s);
  return {
    control: new Int32Array(buffer, 0, CONTROL_WORDS),
    scalars: new Float64Array(buffer, o.scalars, 2),
    weights: new Float32Array(buffer, o.weights, o.total),
    grads: new Float32Array(buffer, o.grads, o.total),
    x: new Float32Array(buffer, o.x, s.maxCount * s.sampleSize),
    y: new Int32Array(buffer, o.y, s.maxCount),
    logits: new Float32Array(buffer, o.logits, s.maxCount * s.classes),
  };
}
