// The squashing functions a fixed-point layer may use, each with its derivative written in terms of
// its output y = f(a): the relaxed state is what backward has, not the pre-activation.

export interface Squash {
  readonly f: (a: number) => number;
  /** f'(a) expressed through y = f(a). */
  readonly dfFromOutput: (y: number) => number;
}

export const squashes = {
  tanh: { f: Math.tanh, dfFromOutput: (y: number) => 1 - y * y },
  sigmoid: { f: (a: number) => 1 / (1 + Math.exp(-a)), dfFromOutput: (y: number) => y * (1 - y) },
} as const satisfies Record<string, Squash>;

export type SquashName = keyof typeof squashes;

export const squashNames = Object.keys(squashes) as SquashName[];
