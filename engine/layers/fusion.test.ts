// Sequential fuses a Dense or Conv2D with the ReLU that follows (the ReLU runs in the GEMM's epilogue
// and the ReLU layer passes its input through). The fused model must compute what the same layers
// compute one by one, unfused: outputs, parameter gradients and the input gradient, on both kernel
// paths.

import { afterEach, describe, expect, it } from 'vitest';
import { setWasmKernels } from '../kernels';
import type { Layer } from '../layer';
import { type ModelSpec, Sequential } from '../model';
import { createLayer } from '../registry';
import { Rng } from '../rng';
import type { Tensor } from '../tensor';
import './index';

afterEach(() => {
  setWasmKernels(true);
});

const SPEC: ModelSpec = {
  inputShape: [2, 9, 9],
  layers: [
    { type: 'conv2d', config: { filters: 4, kernelSize: 3, padding: 'same' } },
    { type: 'relu', config: {} },
    { type: 'maxpool2d', config: { poolSize: 2 } },
    { type: 'flatten', config: {} },
    { type: 'dense', config: { units: 7 } },
    { type: 'relu', config: {} },
    { type: 'dense', config: { units: 3 } },
  ],
};

function unfused(rng: Rng): Layer[] {
  const layers = SPEC.layers.map(createLayer);
  let shape = SPEC.inputShape;
  for (const layer of layers) shape = layer.build(shape, rng);
  return layers;
}

describe('Dense/Conv2D + ReLU fusion', () => {
  for (const wasm of [true, false]) {
    it(`gives the unfused layers' outputs and gradients (${wasm ? 'WebAssembly' : 'TypeScript'})`, () => {
      expect(setWasmKernels(wasm)).toBe(wasm);
      const model = new Sequential(SPEC, new Rng(1));
      const layers = unfused(new Rng(1));
      const rng = new Rng(2);
      const x: Tensor = {
        shape: [5, 2, 9, 9],
        data: Float32Array.from({ length: 5 * 162 }, () => rng.uniform(-1, 1)),
      };
      const dy: Tensor = { shape: [5, 3], data: Float32Array.from({ length: 15 }, () => rng.uniform(-1, 1)) };
      const yFused = model.forward(x, { training: true }).data.slice();
      const dxFused = model.backward(dy, { inputGradient: true }).data.slice();
      let y = x;
      for (const layer of layers) y = layer.forward(y, { training: true });
      let d = dy;
      for (let i = layers.length - 1; i >= 0; i--) d = layers[i].backward(d);
      expect(yFused).toEqual(y.data);
      expect(dxFused).toEqual(d.data);
      const grads = (ls: readonly Layer[]) => ls.flatMap((l) => l.params().map((p) => [...p.grad.data]));
      expect(grads(model.layers)).toEqual(grads(layers));
    });
  }
});
