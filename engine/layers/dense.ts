// Dense (fully connected): y[B, out] = x[B, in] · W[in, out] + b[out]. Kernel layout [in, out] as in
// tfjs/Keras, so the forward pass is a plain A·B GEMM and the kernel exports to ONNX MatMul as is.

import { INITIALIZERS, type Initializer, initialize } from '../init';
import { gemm, gemmBiasAct, sumRowsInto } from '../kernels';
import type { BackwardOptions, ForwardOptions, Layer, LayerShapes } from '../layer';
import { numberOption, oneOfOption } from '../registry';
import type { Rng } from '../rng';
import { type Param, param, type Tensor } from '../tensor';
import { KernelLayer } from './kernel-layer';
import { batchOf, built, reuse, skipped } from './scratch';

export interface DenseOptions {
  /** Output features. */
  readonly units: number;
  readonly useBias: boolean;
  readonly kernelInitializer: Initializer;
}

export const DENSE_DEFAULTS: Omit<DenseOptions, 'units'> = { useBias: true, kernelInitializer: 'heNormal' };

export class Dense extends KernelLayer<DenseOptions> implements Layer {
  readonly type = 'dense';
  readonly options: DenseOptions;
  declare kernel: Param; // [in, out]
  declare bias: Param; // [out]
  private inputShape?: readonly number[];
  private input?: Tensor; // cached for the kernel gradient
  private output?: Tensor;
  private dInput?: Tensor;

  constructor(options: Partial<DenseOptions> & { units: number }) {
    super();
    this.options = { ...DENSE_DEFAULTS, ...options };
    if (!Number.isInteger(this.options.units) || this.options.units < 1) {
      throw new Error(`dense: units must be a positive integer, got ${this.options.units}`);
    }
  }

  static fromJSON(config: Readonly<Record<string, unknown>>): Dense {
    return new Dense({
      units: numberOption('dense', config, 'units', Number.NaN),
      useBias: config.useBias === undefined ? DENSE_DEFAULTS.useBias : config.useBias === true,
      kernelInitializer: oneOfOption('dense', config, 'kernelInitializer', INITIALIZERS, 'heNormal'),
    });
  }

  shapes(inputShape: readonly number[]): LayerShapes {
    if (inputShape.length !== 1) {
      throw new Error(
        `dense: expects [batch, features] input, got [batch, ${inputShape.join(', ')}]; add a flatten layer`,
      );
    }
    const { units, useBias } = this.options;
    const kernel = { name: 'kernel', shape: [inputShape[0], units] };
    return {
      output: [units],
      params: useBias ? [kernel, { name: 'bias', shape: [units] }] : [kernel],
      state: [],
    };
  }

  build(inputShape: readonly number[], rng: Rng): readonly number[] {
    const { output, params } = this.shapes(inputShape);
    const kernelShape = params[0].shape; // [in, out]
    const [fanIn, units] = kernelShape;
    this.inputShape = [...inputShape];
    this.kernel = param('kernel', kernelShape, true);
    this.bias = param('bias', output, false); // kept without useBias too: forward and backward skip it
    initialize(this.options.kernelInitializer, this.kernel.value.data, fanIn, units, rng);
    return output;
  }

  forward(x: Tensor, _options: ForwardOptions): Tensor {
    const inputShape = built(this.type, this.inputShape);
    const batch = batchOf(this.type, x, inputShape);
    const fanIn = inputShape[0];
    const { units } = this.options;
    const y = (this.output = reuse(this.output, [batch, units]));
    // y = act(x·W + b): bias and the fused ReLU in the GEMM's epilogue
    const bias = this.options.useBias ? this.bias.value.data : undefined;
    gemmBiasAct(batch, units, fanIn, x.data, this.kernel.value.data, bias, this.relu, y.data);
    this.input = x;
    return y;
  }

  backward(dOut: Tensor, options: BackwardOptions = {}): Tensor {
    const x = this.input;
    if (x === undefined) throw new Error('dense: backward() before forward()');
    const batch = x.shape[0];
    const fanIn = this.kernel.value.shape[0];
    const { units } = this.options;
    // dW[in, out] += xᵀ · dY
    gemm(true, false, fanIn, units, batch, 1, x.data, 0, dOut.data, 0, 1, this.kernel.grad.data, 0);
    if (this.options.useBias) sumRowsInto(dOut.data, batch, units, this.bias.grad.data);
    if (options.inputGradient === false) return skipped(x.shape);
    // dX[B, in] = dY · Wᵀ
    const dx = (this.dInput = reuse(this.dInput, x.shape));
    gemm(false, true, batch, fanIn, units, 1, dOut.data, 0, this.kernel.value.data, 0, 0, dx.data, 0);
    return dx;
  }
}
