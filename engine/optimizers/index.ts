// Optimizers: each a small class overriding `step(params, lr)`; built from specs through the registry.

export { ADAM_DEFAULTS, Adam, type AdamOptions } from './adam';
export { ADAMW_DEFAULTS, AdamW } from './adamw';
export { clipGradNorm, globalGradNorm } from './clip';
export { MOMENTUM_DEFAULTS, Momentum, type MomentumOptions } from './momentum';
export { Nesterov } from './nesterov';
export {
  createOptimizer,
  type OptimizerFactory,
  type OptimizerSpec,
  optimizerTypes,
  registerOptimizer,
} from './registry';
export { SGD_DEFAULTS, Sgd, type SgdOptions } from './sgd';
