import { describe, expect, it } from 'vitest';
import { manualClock } from '../testing/manual-clock';
import { createPredictionLoop } from './prediction-loop';

describe('createPredictionLoop', () => {
  it('runs once per frame with the latest input, however many changes arrive', () => {
    const clock = manualClock();
    let input = 0;
    const computed: number[] = [];
    const results: number[] = [];
    const loop = createPredictionLoop({
      compute: () => {
        computed.push(input);
        return input * 10;
      },
      onResult: (r) => results.push(r),
      clock,
    });
    for (let i = 1; i <= 30; i++) {
      input = i;
      loop.invalidate();
    }
    expect(computed).toEqual([]);
    clock.frame();
    expect(computed).toEqual([30]);
    expect(results).toEqual([300]);
    clock.frame();
    expect(computed).toEqual([30]);
    input = 31;
    loop.invalidate();
    clock.frame();
    expect(results).toEqual([300, 310]);
  });

  it('reports latency from the first change of the frame', () => {
    const clock = manualClock();
    let t = 0;
    const timings: { computeMs: number; latencyMs: number }[] = [];
    const loop = createPredictionLoop({
      compute: () => {
        t += 3;
      },
      onResult: (_, timing) => timings.push(timing),
      clock,
      now: () => t,
    });
    loop.invalidate();
    t = 10;
    loop.invalidate();
    t = 16;
    clock.frame();
    expect(timings).toEqual([{ computeMs: 3, latencyMs: 19 }]);
  });

  it('does nothing after dispose', () => {
    const clock = manualClock();
    let runs = 0;
    const loop = createPredictionLoop({ compute: () => runs++, onResult: () => {}, clock });
    loop.invalidate();
    loop.dispose();
    clock.frame();
    loop.invalidate();
    clock.frame();
    expect(runs).toBe(0);
  });
});
