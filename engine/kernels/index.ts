// Kernels: the hot loops layers and optimizers are built on (GEMM, convolution, im2col/col2im,
// elementwise helpers, optimizer updates). Each runs WebAssembly SIMD when it is loaded and its
// TypeScript loop otherwise: the choice is made here, not in the layers' math.

export {
  fmaAvailable,
  type KernelForm,
  kernelForm,
  setFusedMultiplyAdd,
  setWasmKernels,
  wasmKernelsReady,
} from '../wasm/runtime';
export * from './conv';
export * from './elementwise';
export * from './gemm';
export * from './im2col';
export * from './optimizers';
export * from './pooling';
