import { describe, expect, it } from 'vitest';
import { LatencyLog, quantile } from './latency-log';

describe('LatencyLog', () => {
  it('reports the median and p95 by nearest rank', () => {
    const log = new LatencyLog();
    for (let ms = 1; ms <= 100; ms++) log.add(ms);
    expect(log.stats()).toEqual({ count: 100, medianMs: 50, p95Ms: 95 });
  });

  it('keeps only the most recent samples and ignores nonsense', () => {
    const log = new LatencyLog(4);
    for (const ms of [100, 100, 100, 100, 1, 2, 3, Number.NaN, -1, 4]) log.add(ms);
    expect(log.stats()).toEqual({ count: 4, medianMs: 2, p95Ms: 4 });
    log.clear();
    expect(log.stats().count).toBe(0);
  });

  it('has no quantile when empty', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([7], 0.95)).toBe(7);
  });
});
