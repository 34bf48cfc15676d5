import { describe, expect, it } from 'vitest';
import { createSchedule, type ScheduleTime } from './index';

const at = (step: number, stepsPerEpoch = 10, totalSteps = 100): ScheduleTime => ({
  step,
  epoch: Math.floor(step / stepsPerEpoch),
  stepsPerEpoch,
  totalSteps,
});

describe('schedules', () => {
  it('constant stays at the base rate', () => {
    const s = createSchedule({ type: 'constant', config: {} }, 0.1);
    expect(s(at(0))).toBe(0.1);
    expect(s(at(99))).toBe(0.1);
  });

  it('step multiplies by gamma every stepSize epochs', () => {
    const s = createSchedule({ type: 'step', config: { stepSize: 2, gamma: 0.5 } }, 0.1);
    expect(s(at(19))).toBeCloseTo(0.1);
    expect(s(at(20))).toBeCloseTo(0.05);
    expect(s(at(45))).toBeCloseTo(0.025);
  });

  it('cosine falls from the base rate to minFactor along half a cosine', () => {
    const s = createSchedule({ type: 'cosine', config: { minFactor: 0.1 } }, 1);
    expect(s(at(0))).toBeCloseTo(1);
    expect(s(at(50))).toBeCloseTo(0.55);
    expect(s(at(100))).toBeCloseTo(0.1);
  });

  it('warm-up rises linearly, then hands over to the inner schedule shifted in time', () => {
    const s = createSchedule(
      { type: 'warmup', config: { steps: 10, startFactor: 0, after: { type: 'cosine', config: {} } } },
      1,
    );
    expect(s(at(0))).toBeCloseTo(0);
    expect(s(at(5))).toBeCloseTo(0.5); // half-way to the cosine's first value, 1
    expect(s(at(10))).toBeCloseTo(1);
    expect(s(at(55))).toBeCloseTo(0.5); // half-way through the 90 remaining steps
  });

  it('warm-up given in epochs uses the epoch length', () => {
    const s = createSchedule({ type: 'warmup', config: { epochs: 1, startFactor: 0 } }, 1);
    expect(s(at(5, 20))).toBeCloseTo(0.25);
    expect(s(at(20, 20))).toBeCloseTo(1);
  });

  it('one-cycle starts at lr/div, peaks at lr after pctStart, ends near zero', () => {
    const s = createSchedule({ type: 'oneCycle', config: { pctStart: 0.3, divFactor: 25 } }, 1);
    expect(s(at(0))).toBeCloseTo(1 / 25);
    expect(s(at(30))).toBeCloseTo(1);
    expect(s(at(15))).toBeCloseTo((1 + 1 / 25) / 2);
    expect(s(at(100))).toBeCloseTo(1 / 25 / 1e4);
    expect(s(at(60))).toBeLessThan(s(at(40)));
  });

  it('is pure: the same time gives the same rate', () => {
    const s = createSchedule({ type: 'oneCycle', config: {} }, 0.3);
    expect(s(at(42))).toBe(s(at(42)));
  });

  it('names an unknown type and a bad config value', () => {
    expect(() => createSchedule({ type: 'cyclic', config: {} }, 1)).toThrow(/unknown schedule type 'cyclic'/);
    expect(() => createSchedule({ type: 'step', config: { gamma: 'x' } }, 1)).toThrow(/config.gamma/);
  });
});
