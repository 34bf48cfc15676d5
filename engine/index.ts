// The engine's public API. Importing it registers every layer type (the built-in ones and the
// fixed-point recurrent layer), so any model file the engine wrote can be loaded through it.

export * from './early-stopping';
export * from './gradcheck';
export * from './init';
export * from './inspect';
export * from './kernels';
export type { BackwardOptions, ForwardOptions, Layer, LayerSpec, Loss, Optimizer } from './layer';
export * from './layers';
export * from './losses';
export * from './model';
export * from './optimizers';
export * from './predict';
export * from './recurrent';
export * from './registry';
export { Rng } from './rng';
export * from './saliency';
export * from './schedules';
export * from './serialize';
export * from './tensor';
