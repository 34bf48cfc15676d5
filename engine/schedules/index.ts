// Learning-rate schedules: pure functions of the training step and epoch, built from specs.

export { constant, cosine, stepDecay } from './basic';
export { oneCycle } from './one-cycle';
export { createSchedule, registerSchedule, scheduleTypes } from './registry';
export type { Schedule, ScheduleFactory, ScheduleSpec, ScheduleTime } from './schedule';
