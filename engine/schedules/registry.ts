// Schedules built from a declarative spec {type, config}: a table from type to factory, open for more.

import { typeRegistry } from '../type-registry';
import { constant, cosine, stepDecay } from './basic';
import { oneCycle } from './one-cycle';
import type { Schedule, ScheduleFactory, ScheduleSpec } from './schedule';
import { warmupFactory } from './warmup';

const schedules = typeRegistry<ScheduleFactory>('schedule', [
  ['constant', constant],
  ['step', stepDecay],
  ['cosine', cosine],
  ['oneCycle', oneCycle],
  ['warmup', warmupFactory((spec, baseLr) => createSchedule(spec, baseLr))],
]);

export const registerSchedule = schedules.register;
export const scheduleTypes = schedules.types;

/** The schedule a spec describes, peaking (or starting) at `baseLr`. */
export function createSchedule(spec: ScheduleSpec, baseLr: number): Schedule {
  return schedules.factory(spec.type)(spec.config ?? {}, baseLr);
}
