// A fixed-point recurrent layer trained by recurrent backpropagation (Almeida 1987; Pineda 1987).
// Forward relaxes the state to the fixed point of
//     s = f(a),   a = W·s + U·x + b                  (one row of the batch; f = tanh or sigmoid)
// by the damped iteration s ← (1−α)·s + α·f(W·s + U·x + b) until max|Δs| < tolerance.
// Backward relaxes the adjoint system at that fixed point,
//     y = dOut + Wᵀ·(f'(a) ⊙ y)                      (damped the same way)
// which solves (I − D·W)ᵀ·y = dOut with D = diag f'(a), the implicit-function derivative of s* —
// no unrolling, memory independent of the iteration count. Then with δ = f'(a) ⊙ y:
//     dW += δ·s*ᵀ,   dU += δ·xᵀ,   db += δ,   dx = Uᵀ·δ.
// Both relaxations converge when the map is a contraction (‖W‖₂·max f' < 1); W is initialised with
// spectral norm `spectralRadius`. A relaxation that hits `maxIterations` is counted and reported
// (takeWarnings, `stats`), or thrown with onNonConvergence: 'error' — never silently accepted.
// Almeida 1987, "A learning rule for asynchronous perceptrons with feedback in a combinatorial
// environment", ICNN; Pineda 1987, "Generalization of back-propagation to recurrent neural networks",
// Phys. Rev. Lett. 59, https://doi.org/10.1103/PhysRevLett.59.2229

import { gemm } from '../kernels';
import type { ForwardOptions, Layer, LayerShapes, LayerSpec } from '../layer';
import { numberOption, oneOfOption } from '../registry';
import type { Rng } from '../rng';
import { type Param, param, type Tensor } from '../tensor';
import type { WarningSource } from '../train-control';
import { type SquashName, squashes, squashNames } from './activations';
import { spectralNorm } from './spectral';

export interface FixedPointOptions {
  /** Size of the state s. */
  readonly units: number;
  readonly activation: SquashName;
  /** α in (0, 1]: the fraction of the new value taken each iteration (1 = plain iteration). */
  readonly damping: number;
  /** Converged when max|Δs| < tolerance (forward) and max|Δy| < tolerance·max|y| (backward). */
  readonly tolerance: number;
  readonly maxIterations: number;
  /** ‖W‖₂ at initialisation; below 1 (tanh) or 4 (sigmoid) the relaxation is a contraction. */
  readonly spectralRadius: number;
  /** What a relaxation that hits maxIterations does: count and warn, or throw. */
  readonly onNonConvergence: 'warn' | 'error';
}

export const FIXED_POINT_DEFAULTS: Omit<FixedPointOptions, 'units'> = {
  activation: 'tanh',
  damping: 1,
  tolerance: 1e-5,
  maxIterations: 100,
  spectralRadius: 0.5,
  onNonConvergence: 'warn',
};

/** Counts since construction; readable by a trainer or a test. */
export interface FixedPointStats {
  forwardPasses: number;
  forwardIterations: number;
  forwardFailures: number;
  backwardPasses: number;
  backwardIterations: number;
  backwardFailures: number;
  /** Residual of the most recent relaxation that did not converge. */
  lastFailureResidual: number;
}

export class FixedPointError extends Error {}

export class FixedPoint implements Layer, WarningSource {
  readonly type = 'fixedPoint';
  readonly options: FixedPointOptions;
  readonly stats: FixedPointStats = {
    forwardPasses: 0,
    forwardIterations: 0,
    forwardFailures: 0,
    backwardPasses: 0,
    backwardIterations: 0,
    backwardFailures: 0,
    lastFailureResidual: 0,
  };
  private reported = { forwardPasses: 0, forwardFailures: 0, backwardPasses: 0, backwardFailures: 0 };
  private inFeatures = 0;
  private w!: Param; // [units, units]
  private u!: Param; // [units, inFeatures]
  private b!: Param; // [units]
  // cached by forward for backward: the input, the fixed point s* and f'(a) there, all [batch, ·]
  private cachedX: Tensor | undefined;
  private fixedPoint = new Float32Array(0);
  private slope = new Float32Array(0);

  constructor(options: Partial<FixedPointOptions> & { units: number }) {
    this.options = { ...FIXED_POINT_DEFAULTS, ...options };
    if (!(this.options.damping > 0 && this.options.damping <= 1)) {
      throw new Error(`fixedPoint: damping must be in (0, 1], got ${this.options.damping}`);
    }
  }

  shapes(inputShape: readonly number[]): LayerShapes {
    if (inputShape.length !== 1) {
      throw new Error(
        `fixedPoint: expects flat input [features], got [${inputShape.join(', ')}]; add a flatten`,
      );
    }
    const n = this.options.units;
    return {
      output: [n],
      params: [
        { name: 'W', shape: [n, n] },
        { name: 'U', shape: [n, inputShape[0]] },
        { name: 'b', shape: [n] },
      ],
      state: [],
      workspace: 3 * n, // drive, state and slope per sample, kept for recurrent backpropagation
    };
  }

  build(inputShape: readonly number[], rng: Rng): readonly number[] {
    const { output, params } = this.shapes(inputShape);
    const n = this.options.units;
    this.inFeatures = inputShape[0];
    this.w = param('W', params[0].shape);
    this.u = param('U', params[1].shape);
    this.b = param('b', params[2].shape, false);
    const uScale = Math.sqrt(1 / this.inFeatures);
    for (let i = 0; i < this.u.value.data.length; i++) this.u.value.data[i] = rng.normal() * uScale;
    const w = this.w.value.data;
    for (let i = 0; i < w.length; i++) w[i] = rng.normal();
    const scale = this.options.spectralRadius / (spectralNorm(w, n, n, rng) || 1);
    for (let i = 0; i < w.length; i++) w[i] *= scale;
    return output;
  }

  forward(x: Tensor, _options: ForwardOptions): Tensor {
    const { units: n, damping, tolerance, maxIterations } = this.options;
    const squash = squashes[this.options.activation];
    const batch = x.shape[0];
    // drive = U·x + b, fixed during the relaxation   [batch, units]
    const drive = new Float32Array(batch * n);
    gemm(false, true, batch, n, this.inFeatures, 1, x.data, 0, this.u.value.data, 0, 0, drive, 0);
    const bias = this.b.value.data;
    for (let r = 0; r < batch; r++) for (let j = 0; j < n; j++) drive[r * n + j] += bias[j];

    const s = new Float32Array(batch * n);
    for (let i = 0; i < s.length; i++) s[i] = squash.f(drive[i]); // start from the W = 0 solution
    const a = new Float32Array(batch * n);
    let residual = Infinity;
    let iterations = 0;
    while (iterations < maxIterations) {
      gemm(false, true, batch, n, n, 1, s, 0, this.w.value.data, 0, 0, a, 0); // a = s·Wᵀ
      residual = 0;
      for (let i = 0; i < s.length; i++) {
        const next = (1 - damping) * s[i] + damping * squash.f(a[i] + drive[i]);
        residual = Math.max(residual, Math.abs(next - s[i]));
        s[i] = next;
      }
      iterations++;
      if (residual < tolerance) break;
    }
    this.stats.forwardPasses++;
    this.stats.forwardIterations += iterations;
    if (!(residual < tolerance)) this.fail('forward', residual);

    const slope = new Float32Array(batch * n);
    for (let i = 0; i < s.length; i++) slope[i] = squash.dfFromOutput(s[i]);
    this.cachedX = x;
    this.fixedPoint = s;
    this.slope = slope;
    return { shape: [batch, n], data: Float32Array.from(s) };
  }

  backward(dOut: Tensor): Tensor {
    const x = this.cachedX;
    if (x === undefined) throw new Error('fixedPoint: backward before forward');
    const { units: n, damping, tolerance, maxIterations } = this.options;
    const batch = x.shape[0];
    const g = dOut.data;
    const slope = this.slope;
    // adjoint relaxation: y ← (1−α)·y + α·(dOut + (f' ⊙ y)·W)   (rows: y·W is Wᵀ·y per sample)
    const y = Float32Array.from(g);
    const delta = new Float32Array(batch * n);
    const wy = new Float32Array(batch * n);
    let scaleY = 0;
    for (let i = 0; i < g.length; i++) scaleY = Math.max(scaleY, Math.abs(g[i]));
    let residual = Infinity;
    let iterations = 0;
    while (iterations < maxIterations && scaleY > 0) {
      for (let i = 0; i < y.length; i++) delta[i] = slope[i] * y[i];
      gemm(false, false, batch, n, n, 1, delta, 0, this.w.value.data, 0, 0, wy, 0);
      residual = 0;
      scaleY = 0;
      for (let i = 0; i < y.length; i++) {
        const next = (1 - damping) * y[i] + damping * (g[i] + wy[i]);
        residual = Math.max(residual, Math.abs(next - y[i]));
        scaleY = Math.max(scaleY, Math.abs(next));
        y[i] = next;
      }
      iterations++;
      if (residual <= tolerance * scaleY) break;
    }
    this.stats.backwardPasses++;
    this.stats.backwardIterations += iterations;
    if (scaleY > 0 && !(residual <= tolerance * scaleY)) this.fail('backward', residual / scaleY);

    for (let i = 0; i < y.length; i++) delta[i] = slope[i] * y[i]; // δ = f'(a) ⊙ y   [batch, units]
    gemm(true, false, n, n, batch, 1, delta, 0, this.fixedPoint, 0, 1, this.w.grad.data, 0); // dW += δᵀ·s*
    gemm(true, false, n, this.inFeatures, batch, 1, delta, 0, x.data, 0, 1, this.u.grad.data, 0); // dU += δᵀ·x
    const db = this.b.grad.data;
    for (let r = 0; r < batch; r++) for (let j = 0; j < n; j++) db[j] += delta[r * n + j];
    const dx = new Float32Array(batch * this.inFeatures);
    gemm(false, false, batch, this.inFeatures, n, 1, delta, 0, this.u.value.data, 0, 0, dx, 0); // dx = δ·U
    return { shape: [batch, this.inFeatures], data: dx };
  }

  params(): Param[] {
    return [this.w, this.u, this.b];
  }

  /** A summary of the relaxations that hit the iteration cap since the last call, if any. */
  takeWarnings(): string[] {
    const s = this.stats;
    const r = this.reported;
    const warnings: string[] = [];
    const forwardFailures = s.forwardFailures - r.forwardFailures;
    const backwardFailures = s.backwardFailures - r.backwardFailures;
    if (forwardFailures > 0 || backwardFailures > 0) {
      warnings.push(
        `fixedPoint: the relaxation hit its cap of ${this.options.maxIterations} iterations in ` +
          `${forwardFailures} of ${s.forwardPasses - r.forwardPasses} forward and ${backwardFailures} of ` +
          `${s.backwardPasses - r.backwardPasses} backward passes (last residual ${s.lastFailureResidual.toExponential(2)}); ` +
          'the recurrent weights are no longer contractive: lower the learning rate, raise damping or weight decay',
      );
    }
    this.reported = { ...s };
    return warnings;
  }

  toJSON(): LayerSpec {
    return { type: this.type, config: { ...this.options } };
  }

  private fail(pass: 'forward' | 'backward', residual: number): void {
    if (pass === 'forward') this.stats.forwardFailures++;
    else this.stats.backwardFailures++;
    this.stats.lastFailureResidual = residual;
    if (this.options.onNonConvergence === 'error') {
      throw new FixedPointError(
        `fixedPoint: ${pass} relaxation did not converge in ${this.options.maxIterations} iterations (residual ${residual.toExponential(2)} ≥ tolerance ${this.options.tolerance})`,
      );
    }
  }
}

/** Builds a FixedPoint from the config its toJSON wrote, checking every field. */
export function fixedPointFromJSON(config: Readonly<Record<string, unknown>>): FixedPoint {
  const d = FIXED_POINT_DEFAULTS;
  const units = numberOption('fixedPoint', config, 'units', Number.NaN);
  if (!(Number.isInteger(units) && units > 0))
    throw new Error("layer 'fixedPoint': config.units must be a positive integer");
  return new FixedPoint({
    units,
    activation: oneOfOption('fixedPoint', config, 'activation', squashNames, d.activation),
    damping: numberOption('fixedPoint', config, 'damping', d.damping),
    tolerance: numberOption('fixedPoint', config, 'tolerance', d.tolerance),
    maxIterations: numberOption('fixedPoint', config, 'maxIterations', d.maxIterations),
    spectralRadius: numberOption('fixedPoint', config, 'spectralRadius', d.spectralRadius),
    onNonConvergence: oneOfOption(
      'fixedPoint',
      config,
      'onNonConvergence',
      ['warn', 'error'] as const,
      d.onNonConvergence,
    ),
  });
}
