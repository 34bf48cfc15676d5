// Inside the network, for one input: what each layer outputs (activations and their statistics), the
// first layer's filters, and — for a chosen target class — the backward pass of that one example: the
// output error (actual − desired), then layer by layer the error signal dL/d(layer input) and each
// parameter's gradient, with the size of the update one plain SGD step on this example would apply.
//
// It runs the model's own layers through the layer contract (forward(x, {training: false}), then
// backward(dOut) from the last layer to the first), so what it shows is what training computes. It
// changes no weight and no state, and leaves every parameter gradient as it found it (saved, zeroed for
// the pass, put back). The layers' reusable buffers are resized to batch 1, as `Recognizer` does.

import { softmaxRows } from './kernels';
import type { LayerSpec, Loss } from './layer';
import { Conv2D, Dense } from './layers';
import { sigmoid } from './layers/sigmoid';
import { createLoss, MeanSquaredError, SoftmaxCrossEntropy } from './losses';
import type { Sequential } from './model';
import { sizeOf, type Tensor, tensor } from './tensor';

export interface InspectOptions {
  /** Class index the backward pass aims at; without it only the forward pass is shown. */
  readonly target?: number;
  /** The loss whose gradient is propagated: softmax cross-entropy (default) or mean squared error. */
  readonly loss: LayerSpec;
  /** Learning rate of the plain SGD step whose size is reported (Δw = −lr·g, batch of this one input). */
  readonly learningRate: number;
  /** Keep a copy of every parameter gradient (`ParamGradient.gradient`); off, only their sizes. */
  readonly keepGradients: boolean;
}

export const INSPECT_DEFAULTS: InspectOptions = {
  loss: { type: 'softmaxCrossEntropy', config: {} },
  learningRate: 0.1,
  keepGradients: false,
};

/** Summary of one tensor's values. */
export interface ValueStats {
  readonly min: number;
  readonly max: number;
  readonly mean: number;
  /** Fraction of values exactly 0 (ReLU's silent units, max-pool's losers), in [0, 1]. */
  readonly zeroShare: number;
}

/** One layer's output for the input. */
export interface LayerActivation {
  readonly index: number;
  readonly type: string;
  /** Output shape without the batch: [channels, height, width] for feature maps, [units] for dense. */
  readonly shape: readonly number[];
  readonly values: Float32Array;
  readonly stats: ValueStats;
}

/** The first layer's learned filters, one small image each. */
export interface Filters {
  readonly layer: number;
  readonly type: string;
  /** Shape of each image: [channels, kH, kW] for a convolution, the input's [height, width] for dense. */
  readonly shape: readonly number[];
  readonly images: readonly Float32Array[];
  /** Over every image: one colour scale for all. */
  readonly stats: ValueStats;
}

/** Where the backward pass starts: the loss's output error for the target class. */
export interface OutputError {
  readonly loss: string;
  readonly target: number;
  /** The loss value for this example. */
  readonly value: number;
  /** The network's actual output: softmax(z) for cross-entropy, σ(z) (or z) for mean squared error. */
  readonly actual: Float32Array;
  /** One-hot target (label-smoothed for cross-entropy with smoothing). */
  readonly desired: Float32Array;
  /** actual − desired. */
  readonly error: Float32Array;
  /**
   * dL/dz at the logits, what backward starts from: equal to the error for cross-entropy, the error
   * times σ'(z) = σ(1 − σ) for mean squared error on sigmoid outputs.
   */
  readonly gradient: Float32Array;
}

/** One parameter's gradient for this example and the step plain SGD would take. */
export interface ParamGradient {
  /** Model-file name, `<layer index>.<layer type>.<param>`. */
  readonly name: string;
  readonly shape: readonly number[];
  /** ‖g‖₂ and max |g|. */
  readonly norm: number;
  readonly maxAbs: number;
  /** ‖w‖₂. */
  readonly weightNorm: number;
  /** ‖Δw‖₂ = lr·‖g‖₂. */
  readonly step: number;
  /** ‖Δw‖ / ‖w‖ (Infinity for an all-zero w with a nonzero step, 0 when both are 0). */
  readonly relativeStep: number;
  /** A copy of g, when `keepGradients`. */
  readonly gradient?: Float32Array;
}

/** One layer on the way back. */
export interface LayerError {
  readonly index: number;
  readonly type: string;
  /** dL/d(layer input), shaped like the layer's input without the batch. */
  readonly shape: readonly number[];
  readonly signal: Float32Array;
  /** ‖signal‖₂ and max |signal|. */
  readonly norm: number;
  readonly maxAbs: number;
  readonly params: readonly ParamGradient[];
}

export interface BackwardPass {
  readonly output: OutputError;
  /** In layer order (index 0 first), although computed from the last layer back. */
  readonly layers: readonly LayerError[];
  readonly learningRate: number;
}

export interface Inspection {
  readonly logits: Float32Array;
  readonly probabilities: Float32Array;
  readonly activations: readonly LayerActivation[];
  /** Absent when the first layer with parameters is neither a convolution nor dense. */
  readonly filters?: Filters;
  /** Present when a target class was given. */
  readonly backward?: BackwardPass;
}

/** The forward pass of one input (flat, in the model's input layout) and, for a target, its backward pass. */
export function inspect(
  model: Sequential,
  input: ArrayLike<number>,
  options: Partial<InspectOptions> = {},
): Inspection {
  const o: InspectOptions = { ...INSPECT_DEFAULTS, ...options };
  const size = sizeOf(model.inputShape);
  if (input.length !== size) {
    throw new Error(`inspect: expected ${size} input values, got ${input.length}`);
  }
  let x: Tensor = tensor([1, ...model.inputShape], Float32Array.from(input));
  const activations: LayerActivation[] = model.layers.map((layer, index) => {
    x = layer.forward(x, { training: false });
    const values = x.data.slice(); // the layer reuses its buffer: keep a copy
    return { index, type: layer.type, shape: x.shape.slice(1), values, stats: valueStats(values) };
  });
  const logits = x.data.slice();
  const probabilities = new Float32Array(logits.length);
  softmaxRows(logits, 1, logits.length, probabilities);
  const filters = firstFilters(model);
  const backward = o.target === undefined ? undefined : backwardPass(model, x, o.target, o);
  return {
    logits,
    probabilities,
    activations,
    ...(filters !== undefined ? { filters } : {}),
    ...(backward !== undefined ? { backward } : {}),
  };
}

/** Backward from the loss at the target, layer by layer; the gradients found are put back afterwards. */
function backwardPass(model: Sequential, logits: Tensor, target: number, o: InspectOptions): BackwardPass {
  const classes = logits.data.length;
  if (!(Number.isInteger(target) && target >= 0 && target < classes)) {
    throw new Error(`inspect: target ${target} is not a class in [0, ${classes})`);
  }
  if (!(o.learningRate >= 0 && Number.isFinite(o.learningRate))) {
    throw new Error(`inspect: learningRate must be a finite number ≥ 0, got ${o.learningRate}`);
  }
  const loss = createLoss(o.loss);
  const value = loss.forward(logits, Int32Array.of(target));
  const gradient = loss.backward().data.slice();
  const { actual, desired } = outputUnits(loss, logits.data, target);
  const error = actual.map((a, k) => a - desired[k]);
  const output: OutputError = { loss: loss.type, target, value, actual, desired, error, gradient };

  const params = model.params();
  const saved = params.map((p) => p.grad.data.slice());
  const layers: LayerError[] = [];
  try {
    for (const p of params) p.grad.data.fill(0);
    let d: Tensor = tensor(logits.shape, gradient.slice());
    for (let i = model.layers.length - 1; i >= 0; i--) {
      const layer = model.layers[i];
      d = layer.backward(d, { inputGradient: true });
      const signal = d.data.slice();
      const { norm, maxAbs } = sizes(signal);
      const grads = layer.params().map((p) => {
        const g = p.grad.data;
        const { norm, maxAbs, weightNorm } = gradientSizes(g, p.value.data);
        const step = o.learningRate * norm;
        return {
          name: `${i}.${layer.type}.${p.name}`,
          shape: [...p.value.shape],
          norm,
          maxAbs,
          weightNorm,
          step,
          relativeStep: step === 0 ? 0 : step / weightNorm,
          ...(o.keepGradients ? { gradient: g.slice() } : {}),
        };
      });
      const shape = d.shape.slice(1);
      layers.unshift({
        index: i,
        type: layer.type,
        shape,
        signal,
        norm,
        maxAbs,
        params: grads,
      });
    }
  } finally {
    params.forEach((p, k) => {
      p.grad.data.set(saved[k]);
    });
  }
  return { output, layers, learningRate: o.learningRate };
}

/**
 * What a loss calls the network's actual and desired outputs. Each loss fuses its output units (softmax,
 * sigmoid) and keeps them private, so the view works them out again from the logits.
 */
function outputUnits(
  loss: Loss,
  z: Float32Array,
  target: number,
): { actual: Float32Array; desired: Float32Array } {
  const classes = z.length;
  const actual = new Float32Array(classes);
  const desired = new Float32Array(classes);
  if (loss instanceof SoftmaxCrossEntropy) {
    softmaxRows(z, 1, classes, actual);
    const eps = loss.options.labelSmoothing;
    desired.fill(eps / classes);
    desired[target] += 1 - eps;
  } else if (loss instanceof MeanSquaredError) {
    for (let k = 0; k < classes; k++) actual[k] = loss.options.sigmoid ? sigmoid(z[k]) : z[k];
    desired[target] = 1;
  } else {
    throw new Error(`inspect: no output error defined for loss '${loss.type}'`);
  }
  return { actual, desired };
}

/** The first layer with parameters as images: a convolution's kernels, or a dense layer's weights into each unit. */
function firstFilters(model: Sequential): Filters | undefined {
  const index = model.layers.findIndex((l) => l.params().length > 0);
  const layer = model.layers[index];
  let shape: readonly number[];
  let images: Float32Array[];
  if (layer instanceof Conv2D) {
    const [filters, ...kernelShape] = layer.kernel.value.shape; // [F, C, KH, KW]
    const n = sizeOf(kernelShape);
    const w = layer.kernel.value.data;
    shape = kernelShape;
    images = Array.from({ length: filters }, (_, f) => w.slice(f * n, (f + 1) * n));
  } else if (layer instanceof Dense) {
    const [inputs, units] = layer.kernel.value.shape; // [in, out]: unit j's weights are column j
    const w = layer.kernel.value.data;
    shape = imageShape(inputs, model.inputShape);
    images = Array.from({ length: units }, (_, j) => {
      const column = new Float32Array(inputs);
      for (let i = 0; i < inputs; i++) column[i] = w[i * units + j];
      return column;
    });
  } else {
    return undefined;
  }
  const all = new Float32Array(images.length * sizeOf(shape));
  images.forEach((im, k) => {
    all.set(im, k * im.length);
  });
  return { layer: index, type: layer.type, shape, images, stats: valueStats(all) };
}

/** A dense layer's input as an image: the model input's [height, width] when it is the whole input. */
function imageShape(inputs: number, modelInput: readonly number[]): readonly number[] {
  if (inputs === sizeOf(modelInput) && modelInput.length >= 2) return modelInput.slice(-2);
  const side = Math.round(Math.sqrt(inputs));
  return side * side === inputs ? [side, side] : [inputs];
}

export function valueStats(values: Float32Array): ValueStats {
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let sum = 0;
  let zeros = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
    sum += v;
    if (v === 0) zeros++;
  }
  const n = values.length;
  return n === 0
    ? { min: 0, max: 0, mean: 0, zeroShare: 0 }
    : { min, max, mean: sum / n, zeroShare: zeros / n };
}

/** ‖v‖₂ and max |v|, summed in float64. */
function sizes(v: Float32Array): { norm: number; maxAbs: number } {
  let s = 0;
  let m = 0;
  for (let i = 0; i < v.length; i++) {
    const x = v[i];
    s += x * x;
    const a = Math.abs(x);
    if (a > m) m = a;
  }
  return { norm: Math.sqrt(s), maxAbs: m };
}

/**
 * ‖g‖₂, max |g| and ‖w‖₂ in one pass rather than three loops that each wait on their one running sum:
 * measured (bench/inspect.ts, best call with a target) digits 580 → 450 µs, letters 940 → 700 µs.
 */
function gradientSizes(
  g: Float32Array,
  w: Float32Array,
): { norm: number; maxAbs: number; weightNorm: number } {
  let gg = 0;
  let ww = 0;
  let m = 0;
  for (let i = 0; i < g.length; i++) {
    const x = g[i];
    gg += x * x;
    ww += w[i] * w[i];
    const a = Math.abs(x);
    if (a > m) m = a;
  }
  return { norm: Math.sqrt(gg), maxAbs: m, weightNorm: Math.sqrt(ww) };
}
