// Gradient checks: the analytic backward pass against central differences, the backbone of engine tests.
//
// The forward pass runs in float32 as always (the perturbed value is stored in the Float32Array), but
// the scalar loss is accumulated in float64, so the only float32 error left is the forward pass's own
// output rounding: ~1e-7 relative per output, ~1e-6 absolute on a loss summed over a few hundred
// outputs. Divided by 2·eps that is the noise floor of the numeric gradient: 5e-4 at eps = 1e-3 (too
// close to small true gradients, measured: 2% errors on a stride-2 convolution), 5e-5 at eps = 1e-2.
// Truncation error grows as eps²·f‴/6, ~1e-5 for tanh/sigmoid at eps = 1e-2 and 0 for linear maps,
// so eps = 1e-2 with a 1e-2 floor keeps every smooth layer's error below ~5e-3 against a 1e-2 bound.
//
// NOTE: central differences straddle kinks. At ReLU's 0, MaxPool ties or a clipped value the numeric
// slope is the average of the two one-sided slopes while the analytic one is the subgradient the layer
// chose; test points must stay farther than eps from kinks (see `awayFromKinks`), and kinks get their
// own explicit test.

import type { BackwardOptions, ForwardOptions, Loss } from './layer';
import { Rng } from './rng';
import type { Param, Tensor } from './tensor';
import { tensor, zeroGrads } from './tensor';

/** A tensor of uniform values in [lo, hi): test inputs. */
export function randomTensor(shape: readonly number[], rng: Rng, lo = -1, hi = 1): Tensor {
  const t = tensor(shape);
  for (let i = 0; i < t.data.length; i++) t.data[i] = rng.uniform(lo, hi);
  return t;
}

/** Anything with a forward and a backward pass: a layer, or a Sequential model. */
export interface Differentiable {
  forward(x: Tensor, options: ForwardOptions): Tensor;
  backward(dOut: Tensor, options?: BackwardOptions): Tensor;
  params(): Param[];
}

export interface GradcheckOptions {
  /** Perturbation for central differences. */
  readonly eps: number;
  /**
   * Gradients smaller than this in magnitude are compared absolutely: the relative error is
   * |analytic − numeric| / max(|analytic|, |numeric|, floor). Keeps 1e-9 vs 0 from counting as 100%.
   */
  readonly floor: number;
  /** Seed for the random projection that turns the output into a scalar loss. */
  readonly seed: number;
  /**
   * Forward options for every forward call. A function so stochastic layers get a fresh, identically
   * seeded Rng each call (same dropout mask in every perturbed pass).
   */
  readonly forwardOptions: () => ForwardOptions;
  /** Check at most this many entries per tensor (evenly spread), to keep big checks fast. */
  readonly maxChecks: number;
}

export const GRADCHECK_DEFAULTS: GradcheckOptions = {
  eps: 1e-2,
  floor: 1e-2,
  seed: 1234,
  forwardOptions: () => ({ training: true }),
  maxChecks: 200,
};

export interface GradcheckResult {
  /** Max relative error of dLoss/dInput. */
  readonly input: number;
  /** Max relative error per parameter, by parameter name (index-prefixed if names repeat). */
  readonly params: Record<string, number>;
  /** The largest of all of the above. */
  readonly max: number;
}

/** |a − n| / max(|a|, |n|, floor). */
export function relativeError(analytic: number, numeric: number, floor: number): number {
  return Math.abs(analytic - numeric) / Math.max(Math.abs(analytic), Math.abs(numeric), floor);
}

/** Moves values within `margin` of any kink in `kinks` (default: 0) out to ±margin·2: test inputs. */
export function awayFromKinks(t: Tensor, margin = 0.05, kinks: readonly number[] = [0]): Tensor {
  for (let i = 0; i < t.data.length; i++) {
    for (const k of kinks) {
      const d = t.data[i] - k;
      if (Math.abs(d) < margin) t.data[i] = k + (d < 0 ? -2 : 2) * margin;
    }
  }
  return t;
}

/** Σ r·y in float64: a random linear functional of the output, so every output element gets a gradient. */
function project(y: Float32Array, r: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < y.length; i++) sum += r[i] * y[i];
  return sum;
}

/** Max relative error between `analytic` and central differences of `f` wrt the entries of `values`. */
function compare(
  values: Float32Array,
  analytic: Float32Array,
  f: () => number,
  options: GradcheckOptions,
): number {
  let worst = 0;
  const step = Math.max(1, Math.floor(values.length / options.maxChecks));
  for (let i = 0; i < values.length; i += step) {
    const original = values[i];
    values[i] = original + options.eps;
    const plusValue = values[i]; // the float32 value actually used
    const plus = f();
    values[i] = original - options.eps;
    const minusValue = values[i];
    const minus = f();
    values[i] = original;
    const numeric = (plus - minus) / (plusValue - minusValue);
    worst = Math.max(worst, relativeError(analytic[i], numeric, options.floor));
  }
  return worst;
}

/**
 * Checks a layer's (or model's) backward pass: loss = Σ r ⊙ forward(x) with a fixed random r, analytic
 * gradients from backward(r), numeric ones from central differences on x and on every parameter.
 * A `Layer` must be built before the call.
 */
export function gradcheck(
  layer: Differentiable,
  x: Tensor,
  options: Partial<GradcheckOptions> = {},
): GradcheckResult {
  const o: GradcheckOptions = { ...GRADCHECK_DEFAULTS, ...options };
  const y0 = layer.forward(x, o.forwardOptions());
  const rng = new Rng(o.seed);
  const r = new Float64Array(y0.data.length);
  for (let i = 0; i < r.length; i++) r[i] = rng.uniform(-1, 1);
  const dOut: Tensor = { shape: [...y0.shape], data: Float32Array.from(r) };

  const params = layer.params();
  zeroGrads(params);
  const dx = layer.backward(dOut, { inputGradient: true });
  const dxCopy = Float32Array.from(dx.data); // backward may reuse its buffer on the next call
  const grads = params.map((p) => Float32Array.from(p.grad.data));

  const f = (): number => project(layer.forward(x, o.forwardOptions()).data, r);
  const input = compare(x.data, dxCopy, f, o);
  const result: Record<string, number> = {};
  let max = input;
  params.forEach((p, k) => {
    const name = p.name in result ? `${k}.${p.name}` : p.name;
    result[name] = compare(p.value.data, grads[k], f, o);
    max = Math.max(max, result[name]);
  });
  return { input, params: result, max };
}

/** Checks a loss's backward pass wrt its prediction input; returns the max relative error. */
export function gradcheckLoss(
  loss: Loss,
  prediction: Tensor,
  target: Int32Array,
  options: Partial<GradcheckOptions> = {},
): number {
  const o: GradcheckOptions = { ...GRADCHECK_DEFAULTS, ...options };
  loss.forward(prediction, target);
  const analytic = Float32Array.from(loss.backward().data);
  return compare(prediction.data, analytic, () => loss.forward(prediction, target), o);
}
