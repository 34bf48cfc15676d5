// Weight initialisation from a seeded Rng. fanIn/fanOut: Dense [in, out] → in, out; Conv2D
// [F, C, KH, KW] → C·KH·KW, F·KH·KW.
// He (Kaiming): Var = 2 / fanIn, for ReLU nets. He et al. 2015, https://arxiv.org/abs/1502.01852
// Glorot (Xavier): Var = 2 / (fanIn + fanOut), for tanh/sigmoid nets.
// Glorot & Bengio 2010, https://proceedings.mlr.press/v9/glorot10a.html
// Uniform variants draw from U(−l, l) with l = √(3·Var), which has the same variance.

import type { Rng } from './rng';

export type Initializer = 'heNormal' | 'heUniform' | 'glorotNormal' | 'glorotUniform' | 'zeros';

export const INITIALIZERS: readonly Initializer[] = [
  'heNormal',
  'heUniform',
  'glorotNormal',
  'glorotUniform',
  'zeros',
];

export function fillNormal(out: Float32Array, std: number, rng: Rng): void {
  for (let i = 0; i < out.length; i++) out[i] = std * rng.normal();
}

export function fillUniform(out: Float32Array, limit: number, rng: Rng): void {
  for (let i = 0; i < out.length; i++) out[i] = rng.uniform(-limit, limit);
}

export function heNormal(out: Float32Array, fanIn: number, rng: Rng): void {
  fillNormal(out, Math.sqrt(2 / fanIn), rng);
}

export function heUniform(out: Float32Array, fanIn: number, rng: Rng): void {
  fillUniform(out, Math.sqrt(6 / fanIn), rng);
}

export function glorotNormal(out: Float32Array, fanIn: number, fanOut: number, rng: Rng): void {
  fillNormal(out, Math.sqrt(2 / (fanIn + fanOut)), rng);
}

export function glorotUniform(out: Float32Array, fanIn: number, fanOut: number, rng: Rng): void {
  fillUniform(out, Math.sqrt(6 / (fanIn + fanOut)), rng);
}

const table: Record<Initializer, (out: Float32Array, fanIn: number, fanOut: number, rng: Rng) => void> = {
  heNormal: (out, fanIn, _fanOut, rng) => heNormal(out, fanIn, rng),
  heUniform: (out, fanIn, _fanOut, rng) => heUniform(out, fanIn, rng),
  glorotNormal,
  glorotUniform,
  zeros: (out) => out.fill(0),
};

/** Fills `out` with the named initialiser (a table lookup: specs name their initialiser). */
export function initialize(
  name: Initializer,
  out: Float32Array,
  fanIn: number,
  fanOut: number,
  rng: Rng,
): void {
  table[name](out, fanIn, fanOut, rng);
}
