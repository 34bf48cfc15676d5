// Sequential: a stack of layers built from a declarative spec through the layer registry. The model
// emits logits [batch, classes]; softmax lives in the loss (training) and in predict (inference).

import { softmaxRows } from './kernels';
import type { BackwardOptions, ForwardOptions, Layer, LayerSpec } from './layer';
import './layers'; // registers the built-in layer types
import type { Dense } from './layers';
import { createLayer } from './registry';
import type { Rng } from './rng';
import { type Param, sameShape, type Tensor, tensor } from './tensor';

/** A model's declarative description: input shape without the batch dimension, and its layers. */
export interface ModelSpec {
  /** E.g. [784] for an MLP, [1, 28, 28] (C, H, W) for a CNN. */
  readonly inputShape: readonly number[];
  readonly layers: readonly LayerSpec[];
}

/** A tensor with the qualified name it has in a model file: `<layer index>.<layer type>.<name>`. */
export interface NamedTensor {
  readonly name: string;
  readonly tensor: Tensor;
}

export class Sequential {
  readonly inputShape: readonly number[];
  readonly layers: readonly Layer[];
  /** Output shape without the batch dimension, e.g. [10]. */
  readonly outputShape: readonly number[];
  /** The input shape (without batch) each layer was built with. */
  readonly layerInputShapes: readonly (readonly number[])[];

  /** Builds every layer in order, initialising weights from `rng` (same seed, same weights). */
  constructor(spec: ModelSpec, rng: Rng) {
    if (spec.layers.length === 0) throw new Error('model: a model needs at least one layer');
    this.inputShape = [...spec.inputShape];
    this.layers = spec.layers.map(createLayer);
    const shapes: (readonly number[])[] = [];
    let shape: readonly number[] = this.inputShape;
    this.layers.forEach((layer, i) => {
      shapes.push(shape);
      try {
        shape = layer.build(shape, rng);
      } catch (error) {
        throw new Error(`model: layer ${i} (${layer.type}): ${(error as Error).message}`);
      }
    });
    this.layerInputShapes = shapes;
    this.outputShape = shape;
    // a layer followed by an activation it can apply itself (Dense or Conv2D then ReLU) does so in
    // its GEMM's epilogue: one pass over the output instead of two, no copy in and out for the ReLU
    this.layers.forEach((layer, i) => {
      const next = this.layers[i + 1];
      if (next?.fusedIntoPrevious !== undefined && layer.fuseActivation?.(next.type) === true) {
        next.fusedIntoPrevious();
      }
    });
  }

  /** The spec that rebuilds this model (weights aside). */
  toJSON(): ModelSpec {
    return { inputShape: [...this.inputShape], layers: this.layers.map((l) => l.toJSON()) };
  }

  /** x [batch, ...inputShape] → logits [batch, ...outputShape] (a buffer the last layer reuses). */
  forward(x: Tensor, options: ForwardOptions): Tensor {
    if (!sameShape(x.shape.slice(1), this.inputShape)) {
      throw new Error(
        `model: expected input [batch, ${this.inputShape.join(', ')}], got [${x.shape.join(', ')}]`,
      );
    }
    let y = x;
    for (const layer of this.layers) y = layer.forward(y, options);
    return y;
  }

  /**
   * Backpropagates dLoss/dLogits through every layer, accumulating (+=) parameter gradients.
   * Returns dLoss/dInput only when asked with `{inputGradient: true}` (saliency does); training does
   * not need it, so by default the first layer with parameters (and any before it) skips that work,
   * and the returned tensor's data is empty.
   */
  backward(dLogits: Tensor, options: BackwardOptions = {}): Tensor {
    const wantInput = options.inputGradient === true;
    // below the first layer with parameters no gradient is needed (a leading flatten, say)
    const firstTrainable = this.layers.findIndex((l) => l.params().length > 0);
    let d = dLogits;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      d = this.layers[i].backward(d, { inputGradient: wantInput || i > firstTrainable });
    }
    return d;
  }

  params(): Param[] {
    return this.layers.flatMap((l) => l.params());
  }

  /** Non-trainable state (batch-norm running statistics), in layer order. */
  state(): Tensor[] {
    return this.layers.flatMap((l) => l.state?.() ?? []);
  }

  /** Parameters then state, with their model-file names, in the order of the weights blob. */
  namedTensors(): NamedTensor[] {
    const params = this.layers.flatMap((l, i) =>
      l.params().map((p) => ({ name: `${i}.${l.type}.${p.name}`, tensor: p.value })),
    );
    const state = this.layers.flatMap((l, i) =>
      (l.state?.() ?? []).map((t, j) => ({ name: `${i}.${l.type}.state${j}`, tensor: t })),
    );
    return [...params, ...state];
  }

  /** Softmax probabilities [batch, classes], a fresh tensor (inference mode). */
  predict(x: Tensor): Tensor {
    const logits = this.forward(x, { training: false });
    const [batch, classes] = logits.shape;
    const p = tensor(logits.shape);
    softmaxRows(logits.data, batch, classes, p.data);
    return p;
  }

  /** Copies of every parameter value and state tensor (params then state): a snapshot to restore. */
  cloneWeights(): Float32Array[] {
    return this.namedTensors().map((t) => Float32Array.from(t.tensor.data));
  }

  /** Overwrites weights from a snapshot (`cloneWeights`) or from a model with the same architecture. */
  copyWeights(source: readonly Float32Array[] | Sequential): void {
    const values = source instanceof Sequential ? source.namedTensors().map((t) => t.tensor.data) : source;
    const targets = this.namedTensors();
    if (values.length !== targets.length) {
      throw new Error(`model: copyWeights needs ${targets.length} tensors, got ${values.length}`);
    }
    targets.forEach((t, i) => {
      if (values[i].length !== t.tensor.data.length) {
        throw new Error(
          `model: copyWeights: ${t.name} has ${t.tensor.data.length} values, got ${values[i].length}`,
        );
      }
      t.tensor.data.set(values[i]);
    });
  }

  /** A new model with the same spec and a copy of the weights. */
  clone(rng: Rng): Sequential {
    const copy = new Sequential(this.toJSON(), rng);
    copy.copyWeights(this);
    return copy;
  }

  /**
   * A new model whose final Dense layer has `classes` outputs, every other weight copied.
   * Output j keeps the learned weights of old class `sourceOfClass[j]`, or, where that is −1 (or past
   * the old classes), starts fresh: kernel column from the layer's initialiser, bias at the mean of the
   * old biases (so a new class starts neither favoured nor suppressed). The default keeps old classes
   * 0..n−1 in place and appends new ones: fine-tuning with added classes. All −1 replaces the head.
   */
  withClasses(classes: number, rng: Rng, sourceOfClass?: readonly number[]): Sequential {
    const headIndex = this.layers.map((l) => l.type).lastIndexOf('dense');
    if (headIndex < 0) throw new Error('model: withClasses needs a final dense layer');
    const head = this.layers[headIndex] as Dense;
    const oldClasses = head.options.units;
    const source = sourceOfClass ?? Array.from({ length: classes }, (_, j) => (j < oldClasses ? j : -1));
    if (source.length !== classes)
      throw new Error(`model: sourceOfClass has ${source.length} entries, not ${classes}`);

    const spec = this.toJSON();
    const layers = spec.layers.map((l, i) =>
      i === headIndex ? { ...l, config: { ...l.config, units: classes } } : l,
    );
    const model = new Sequential({ inputShape: spec.inputShape, layers }, rng); // fresh head from rng
    this.layers.forEach((layer, i) => {
      if (i === headIndex) return;
      const from = [...layer.params().map((p) => p.value), ...(layer.state?.() ?? [])];
      const to = [...model.layers[i].params().map((p) => p.value), ...(model.layers[i].state?.() ?? [])];
      to.forEach((t, k) => {
        t.data.set(from[k].data);
      });
    });
    const newHead = model.layers[headIndex] as Dense;
    const fanIn = head.kernel.value.shape[0];
    const oldW = head.kernel.value.data;
    const newW = newHead.kernel.value.data;
    const oldB = head.bias.value.data;
    let meanBias = 0;
    for (let k = 0; k < oldClasses; k++) meanBias += oldB[k] / oldClasses;
    for (let j = 0; j < classes; j++) {
      const s = source[j];
      const keep = s >= 0 && s < oldClasses;
      newHead.bias.value.data[j] = keep ? oldB[s] : meanBias;
      if (!keep) continue;
      for (let i = 0; i < fanIn; i++) newW[i * classes + j] = oldW[i * oldClasses + s];
    }
    return model;
  }
}
