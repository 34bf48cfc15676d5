// The one-cycle policy: rise from lr/divFactor to lr over the first `pctStart` of training, then anneal
// to lr/(divFactor·finalDivFactor), both halves along a cosine (as in fastai and PyTorch's OneCycleLR).
// Smith & Topin 2019, "Super-Convergence: Very Fast Training of Neural Networks Using Large Learning
// Rates", https://arxiv.org/abs/1708.07120

import { cosineBetween, numberOr, type ScheduleFactory } from './schedule';

export const oneCycle: ScheduleFactory = (config, baseLr) => {
  const pctStart = numberOr(config, 'pctStart', 0.3);
  const divFactor = numberOr(config, 'divFactor', 25);
  const finalDivFactor = numberOr(config, 'finalDivFactor', 1e4);
  const start = baseLr / divFactor;
  const end = start / finalDivFactor;
  return ({ step, totalSteps }) => {
    const peak = Math.max(1, Math.round(pctStart * totalSteps));
    if (step < peak) return cosineBetween(start, baseLr, step / peak);
    return cosineBetween(baseLr, end, (step - peak) / Math.max(1, totalSteps - peak));
  };
};
