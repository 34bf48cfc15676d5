// The built-in layers, registered under their `type` so specs and model files can name them.

import { registerLayer } from '../registry';
import { BatchNorm } from './batch-norm';
import { Conv2D } from './conv2d';
import { Dense } from './dense';
import { Dropout } from './dropout';
import { Flatten } from './flatten';
import { LeakyReLU } from './leaky-relu';
import { MaxPool2D } from './maxpool2d';
import { ReLU } from './relu';
import { Sigmoid } from './sigmoid';
import { Tanh } from './tanh';

registerLayer('dense', Dense.fromJSON);
registerLayer('conv2d', Conv2D.fromJSON);
registerLayer('maxpool2d', MaxPool2D.fromJSON);
registerLayer('flatten', () => new Flatten());
registerLayer('dropout', Dropout.fromJSON);
registerLayer('relu', () => new ReLU());
registerLayer('leakyRelu', LeakyReLU.fromJSON);
registerLayer('sigmoid', () => new Sigmoid());
registerLayer('tanh', () => new Tanh());
registerLayer('batchNorm', BatchNorm.fromJSON);

export { Activation } from './activation';
export { BATCH_NORM_DEFAULTS, BatchNorm, type BatchNormOptions } from './batch-norm';
export { CONV2D_DEFAULTS, Conv2D, type Conv2DOptions } from './conv2d';
export { DENSE_DEFAULTS, Dense, type DenseOptions } from './dense';
export { DROPOUT_DEFAULTS, Dropout, type DropoutOptions } from './dropout';
export { Flatten } from './flatten';
export { LEAKY_RELU_DEFAULTS, LeakyReLU, type LeakyReLUOptions } from './leaky-relu';
export { MAXPOOL2D_DEFAULTS, MaxPool2D, type MaxPool2DOptions } from './maxpool2d';
export { ReLU } from './relu';
export { Sigmoid, sigmoid } from './sigmoid';
export { Tanh } from './tanh';
