// Constant, step decay and cosine annealing.
// Cosine: Loshchilov & Hutter 2017, "SGDR: Stochastic Gradient Descent with Warm Restarts",
// https://arxiv.org/abs/1608.03983 (one period, no restarts).

import { cosineBetween, numberOr, type ScheduleFactory } from './schedule';

export const constant: ScheduleFactory = (_config, baseLr) => () => baseLr;

/** lr·γ^⌊epoch / stepSize⌋: multiply by γ every `stepSize` epochs. Defaults: stepSize 10, γ 0.1. */
export const stepDecay: ScheduleFactory = (config, baseLr) => {
  const stepSize = numberOr(config, 'stepSize', 10);
  const gamma = numberOr(config, 'gamma', 0.1);
  return ({ epoch }) => baseLr * gamma ** Math.floor(epoch / stepSize);
};

/** From lr down to lr·minFactor along half a cosine over all of training. Default minFactor 0. */
export const cosine: ScheduleFactory = (config, baseLr) => {
  const minLr = baseLr * numberOr(config, 'minFactor', 0);
  return ({ step, totalSteps }) => cosineBetween(baseLr, minLr, step / Math.max(1, totalSteps));
};
