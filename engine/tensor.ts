// Tensors: a shape and a flat row-major Float32Array. Batch is always the first dimension.
// Layouts used across the engine: dense activations [batch, features]; images NCHW [batch, channels, height, width].

export interface Tensor {
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

/** Number of elements a shape holds. */
export function sizeOf(shape: readonly number[]): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

export function tensor(shape: readonly number[], data?: Float32Array | ArrayLike<number>): Tensor {
  const n = sizeOf(shape);
  if (data === undefined) return { shape: [...shape], data: new Float32Array(n) };
  if (data.length !== n) {
    throw new Error(`tensor: shape [${shape.join(', ')}] needs ${n} values, got ${data.length}`);
  }
  return { shape: [...shape], data: data instanceof Float32Array ? data : Float32Array.from(data) };
}

export function zeros(shape: readonly number[]): Tensor {
  return tensor(shape);
}

/** Same data, new shape (no copy). */
export function reshape(t: Tensor, shape: readonly number[]): Tensor {
  if (sizeOf(shape) !== t.data.length) {
    throw new Error(`reshape: cannot view [${t.shape.join(', ')}] as [${shape.join(', ')}]`);
  }
  return { shape: [...shape], data: t.data };
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** A trainable parameter: its value and the gradient accumulated into it (+=; zeroed explicitly). */
export interface Param {
  readonly name: string;
  readonly value: Tensor;
  readonly grad: Tensor;
  /** Whether weight decay applies (weights yes, biases and norm scales no). */
  readonly decay: boolean;
}

export function param(name: string, shape: readonly number[], decay = true): Param {
  return { name, value: zeros(shape), grad: zeros(shape), decay };
}

export function zeroGrads(params: readonly Param[]): void {
  for (const p of params) p.grad.data.fill(0);
}
