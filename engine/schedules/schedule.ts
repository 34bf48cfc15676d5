// Learning-rate schedules: pure functions from the position in training to a learning rate.

/** Where training is. `step` counts optimizer steps from 0 across epochs; `epoch` counts from 0. */
export interface ScheduleTime {
  readonly step: number;
  readonly epoch: number;
  readonly stepsPerEpoch: number;
  readonly totalSteps: number;
}

/** The learning rate at a point in training. Pure: the same time gives the same rate. */
export type Schedule = (time: ScheduleTime) => number;

/** A declarative schedule, e.g. `{type: 'cosine', config: {minFactor: 0.01}}`. */
export interface ScheduleSpec {
  readonly type: string;
  readonly config: Readonly<Record<string, unknown>>;
}

/** Builds a schedule whose peak (or starting) rate is `baseLr`. */
export type ScheduleFactory = (config: Readonly<Record<string, unknown>>, baseLr: number) => Schedule;

/** Reads an optional finite number from a schedule config, naming the field when it is wrong. */
export function numberOr(config: Readonly<Record<string, unknown>>, key: string, fallback: number): number {
  const value = config[key];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`schedule config.${key} must be a finite number, got ${String(value)}`);
  }
  return value;
}

/** Half a cosine from `from` (t = 0) to `to` (t = 1). */
export function cosineBetween(from: number, to: number, t: number): number {
  const clamped = Math.min(1, Math.max(0, t));
  return to + ((from - to) * (1 + Math.cos(Math.PI * clamped))) / 2;
}
