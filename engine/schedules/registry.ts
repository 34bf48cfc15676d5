// Schedules built from a declarative spec {type, config}: a table from type to factory, open for more.

import { constant, cosine, stepDecay } from './basic';
import { oneCycle } from './one-cycle';
import type { Schedule, ScheduleFactory, ScheduleSpec } from './schedule';
import { warmupFactory } from './warmup';

const factories = new Map<string, ScheduleFactory>([
  ['constant', constant],
  ['step', stepDecay],
  ['cosine', cosine],
  ['oneCycle', oneCycle],
  ['warmup', warmupFactory((spec, baseLr) => createSchedule(spec, baseLr))],
]);

export function registerSchedule(type: string, factory: ScheduleFactory): void {
  factories.set(type, factory);
}

export function scheduleTypes(): string[] {
  return [...factories.keys()];
}

/** The schedule a spec describes, peaking (or starting) at `baseLr`. */
export function createSchedule(spec: ScheduleSpec, baseLr: number): Schedule {
  const factory = factories.get(spec.type);
  if (factory === undefined) {
    throw new Error(`unknown schedule type '${spec.type}' (known: ${scheduleTypes().join(', ')})`);
  }
  return factory(spec.config ?? {}, baseLr);
}
