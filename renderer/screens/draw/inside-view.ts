// What the "Inside the network" panel shows, from one `inspect()` (engine/inspect.ts): each layer's
// output as feature maps or bars, the first layer's filters, and for the target class the backward
// pass — the output error (actual − desired) per class, then from the last layer back to the first
// the size of the error signal it passes on and of the gradients one step would apply. Bar lengths
// are fractions of the largest value of their kind, so the eye compares layers. DOM-free.

import type { Inspection, LayerActivation } from '../../../engine/inspect';
import { type InspectSettings, LOSS_WORDS } from '../../inference/inspect-settings';

/** At most this many feature maps per layer, and filters, are drawn (the rest are counted). */
export const MAX_MAPS = 32;
export const MAX_FILTERS = 100;

/** Images of one size, drawn on one grey scale lo → black, hi → white. */
export interface ImageSet {
  readonly images: readonly Float32Array[];
  /** How many there are in all (more than `images.length` when capped). */
  readonly total: number;
  readonly height: number;
  readonly width: number;
  readonly lo: number;
  readonly hi: number;
}

export type Picture =
  | ({ readonly kind: 'maps' } & ImageSet)
  | { readonly kind: 'bars'; readonly values: Float32Array; readonly lo: number; readonly hi: number }
  /** A reshape (flatten): the same values as the layer before, in one row. */
  | { readonly kind: 'same' };

export interface ActivationRow {
  readonly index: number;
  readonly type: string;
  /** "8 × 24 × 24". */
  readonly shape: string;
  /** "0 to 3.2 · 61% zero". */
  readonly summary: string;
  readonly picture: Picture;
  /** What a screen reader hears for the picture. */
  readonly label: string;
}

export interface FilterView extends ImageSet {
  readonly layer: number;
  readonly type: string;
  readonly label: string;
}

export interface ErrorRow {
  readonly index: number;
  readonly label: string;
  readonly actual: number;
  readonly desired: number;
  /** actual − desired. */
  readonly error: number;
  /** error ÷ the largest |error|, in [−1, 1]. */
  readonly fraction: number;
  readonly isTarget: boolean;
}

export interface GradientBar {
  /** "kernel", "bias". */
  readonly name: string;
  /** ‖g‖₂. */
  readonly norm: number;
  /** ‖g‖ ÷ the largest ‖g‖ of any parameter. */
  readonly fraction: number;
  /** ‖Δw‖ = lr·‖g‖, and as a share of ‖w‖. */
  readonly step: number;
  readonly relativeStep: number;
}

export interface BackwardRow {
  readonly index: number;
  readonly type: string;
  /** ‖dL/d(layer input)‖: the error signal this layer passes back. */
  readonly signal: number;
  /** ÷ the largest signal, the output's included. */
  readonly fraction: number;
  readonly gradients: readonly GradientBar[];
}

export interface BackwardView {
  readonly target: number;
  readonly targetLabel: string;
  /** "squared error on sigmoid outputs". */
  readonly loss: string;
  readonly lossValue: number;
  readonly learningRate: number;
  readonly errors: readonly ErrorRow[];
  /** ‖dL/dz‖ at the logits, where the signal starts, and its fraction of the largest signal. */
  readonly outputSignal: number;
  readonly outputFraction: number;
  /** From the last layer back to the first: the order the error travels. */
  readonly layers: readonly BackwardRow[];
}

export interface InsideView {
  readonly activations: readonly ActivationRow[];
  readonly filters: FilterView | null;
  readonly backward: BackwardView | null;
}

/** A figure in few characters: 3 significant digits, exponent form for the very small or large. */
export function figure(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const a = Math.abs(x);
  return a < 1e-3 || a >= 1e5 ? x.toExponential(1) : String(Number(x.toPrecision(3)));
}

const percent = (x: number) => `${Math.round(x * 100)}%`;
const shapeText = (shape: readonly number[]) => shape.join(' × ');

/** The class the backward pass aims at: the one picked, if the model has it, else the top prediction. */
export function resolveTarget(picked: number | null, top: number | null, classes: number): number | null {
  if (picked !== null && Number.isInteger(picked) && picked >= 0 && picked < classes) return picked;
  return top !== null && top >= 0 && top < classes ? top : null;
}

export function insideView(
  r: Inspection,
  classes: readonly string[],
  settings: Pick<InspectSettings, 'loss'>,
): InsideView {
  return {
    activations: r.activations.map(activationRow),
    filters: r.filters ? filterView(r.filters) : null,
    backward: r.backward ? backwardView(r, classes, settings) : null,
  };
}

function activationRow(a: LayerActivation): ActivationRow {
  const { min, max, zeroShare } = a.stats;
  const name = `Layer ${a.index}, ${a.type}`;
  const base = {
    index: a.index,
    type: a.type,
    shape: shapeText(a.shape),
    summary: `${figure(min)} to ${figure(max)} · ${percent(zeroShare)} zero`,
  };
  if (a.type === 'flatten') {
    return { ...base, picture: { kind: 'same' }, label: `${name}: the same values in one row` };
  }
  if (a.shape.length === 3) {
    const [channels, height, width] = a.shape as [number, number, number];
    const n = height * width;
    const shown = Math.min(channels, MAX_MAPS);
    const images = Array.from({ length: shown }, (_, c) => a.values.subarray(c * n, (c + 1) * n));
    return {
      ...base,
      picture: { kind: 'maps', images, total: channels, height, width, lo: Math.min(0, min), hi: max },
      label: `${name}: ${channels} feature maps of ${height} × ${width}`,
    };
  }
  return {
    ...base,
    picture: { kind: 'bars', values: a.values, lo: Math.min(0, min), hi: Math.max(0, max) },
    label: `${name}: ${a.values.length} values as bars`,
  };
}

function filterView(f: NonNullable<Inspection['filters']>): FilterView {
  // A convolution's filter is [channels, kH, kW]: each channel its own image; a dense unit's is the input's.
  const height = f.shape.length >= 2 ? f.shape[f.shape.length - 2]! : 1;
  const width = f.shape[f.shape.length - 1] ?? 1;
  const n = height * width;
  const all: Float32Array[] = [];
  for (const im of f.images) for (let o = 0; o + n <= im.length; o += n) all.push(im.subarray(o, o + n));
  const images = all.slice(0, MAX_FILTERS);
  // Centred on 0: mid grey is a zero weight, white the most positive, black the most negative.
  const bound = Math.max(Math.abs(f.stats.min), Math.abs(f.stats.max)) || 1;
  return {
    layer: f.layer,
    type: f.type,
    images,
    total: all.length,
    height,
    width,
    lo: -bound,
    hi: bound,
    label: `Layer ${f.layer}, ${f.type}: ${all.length} filters of ${height} × ${width}`,
  };
}

function backwardView(
  r: Inspection,
  classes: readonly string[],
  settings: Pick<InspectSettings, 'loss'>,
): BackwardView {
  const b = r.backward!;
  const o = b.output;
  let maxError = 0;
  for (const e of o.error) maxError = Math.max(maxError, Math.abs(e));
  const errors = Array.from(o.error, (error, k) => ({
    index: k,
    label: classes[k] ?? String(k),
    actual: o.actual[k]!,
    desired: o.desired[k]!,
    error,
    fraction: maxError > 0 ? error / maxError : 0,
    isTarget: k === o.target,
  }));
  let outputSignal = 0;
  for (const g of o.gradient) outputSignal += g * g;
  outputSignal = Math.sqrt(outputSignal);
  const maxSignal = Math.max(outputSignal, ...b.layers.map((l) => l.norm));
  const maxGradient = Math.max(0, ...b.layers.flatMap((l) => l.params.map((p) => p.norm)));
  const share = (x: number, max: number) => (max > 0 && Number.isFinite(x) ? x / max : 0);
  const layers = [...b.layers].reverse().map((l) => ({
    index: l.index,
    type: l.type,
    signal: l.norm,
    fraction: share(l.norm, maxSignal),
    gradients: l.params.map((p) => ({
      name: p.name.split('.').pop() ?? p.name,
      norm: p.norm,
      fraction: share(p.norm, maxGradient),
      step: p.step,
      relativeStep: p.relativeStep,
    })),
  }));
  return {
    target: o.target,
    targetLabel: classes[o.target] ?? String(o.target),
    loss: LOSS_WORDS[settings.loss],
    lossValue: o.value,
    learningRate: b.learningRate,
    errors,
    outputSignal,
    outputFraction: share(outputSignal, maxSignal),
    layers,
  };
}
