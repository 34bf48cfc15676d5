import { describe, expect, it } from 'vitest';
import { manualClock } from '../testing/manual-clock';
import { CONFIDENT, formatPercent, rankPrediction } from './prediction';
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

describe('rankPrediction', () => {
  it('sorts every class by probability and flags low confidence', () => {
    const sure = rankPrediction([0.05, 0.9, 0.05], ['a', 'b', 'c'])!;
    expect(sure.ranked.map((r) => r.label)).toEqual(['b', 'a', 'c']);
    expect(sure.top.label).toBe('b');
    expect(sure.notSure).toBe(false);
    const unsure = rankPrediction([0.45, 0.4, 0.15], ['a', 'b', 'c'])!;
    expect(unsure.notSure).toBe(true);
    const close = rankPrediction([CONFIDENT + 0.01, CONFIDENT - 0.2, 0], ['a', 'b', 'c'])!;
    expect(close.notSure).toBe(false);
    expect(rankPrediction([], [])).toBeNull();
  });

  it('formats percentages', () => {
    expect(formatPercent(0.934)).toBe('93%');
    expect(formatPercent(0.042)).toBe('4.2%');
    expect(formatPercent(0.0001)).toBe('<0.1%');
  });
});
