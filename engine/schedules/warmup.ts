// Linear warm-up, then any other schedule over the remaining steps.
// Goyal et al. 2017, "Accurate, Large Minibatch SGD: Training ImageNet in 1 Hour",
// https://arxiv.org/abs/1706.02677 (gradual warm-up).

import { numberOr, type Schedule, type ScheduleFactory, type ScheduleSpec } from './schedule';

/**
 * config: `steps` (warm-up length in optimizer steps, default one epoch's worth when given as
 * `epochs`), `startFactor` (rate at step 0 as a fraction of the first scheduled rate, default 0.1),
 * `after` (the schedule after warm-up, default constant). The inner schedule sees time shifted so
 * that its step 0 is the end of warm-up.
 */
export function warmupFactory(build: (spec: ScheduleSpec, baseLr: number) => Schedule): ScheduleFactory {
  return (config, baseLr) => {
    const steps = numberOr(config, 'steps', 0);
    const epochs = numberOr(config, 'epochs', steps > 0 ? 0 : 1);
    const startFactor = numberOr(config, 'startFactor', 0.1);
    const afterSpec = (config.after as ScheduleSpec | undefined) ?? { type: 'constant', config: {} };
    const after = build(afterSpec, baseLr);
    return (time) => {
      const warmup = Math.max(steps, Math.round(epochs * time.stepsPerEpoch));
      const shifted = {
        ...time,
        step: Math.max(0, time.step - warmup),
        totalSteps: time.totalSteps - warmup,
      };
      const target = after(shifted);
      if (time.step >= warmup) return target;
      const t = time.step / warmup;
      return target * (startFactor + (1 - startFactor) * t);
    };
  };
}
