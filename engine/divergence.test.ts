import { describe, expect, it } from 'vitest';
import { DivergenceWatch, majorityShare } from './divergence';

/** Feeds batch losses; returns the index of the batch that tripped the watch, or -1. */
function tripsAt(watch: DivergenceWatch, losses: number[]): number {
  return losses.findIndex((l) => watch.batch(l) !== undefined);
}

describe('DivergenceWatch', () => {
  // Batch losses of the MNIST MLP (784-256-128-10) measured at these learning rates.
  const sgdAt10 = [2.3, 130, 2.6e5, 1.6e8, 1.4e12, 1.3e16];
  const adamAt01 = [2.3, 190, 130, 100, 32, 16, 6.8, 5.0, 4.2, 3.2, 1.9, 2.3, 2.5, 2.0, 1.8, 1.5, 1.4];

  it('stops a running loss that climbs past 10× its start', () => {
    const watch = new DivergenceWatch(10, 0.11);
    expect(tripsAt(watch, sgdAt10)).toBe(2);
    expect(watch.batch(1e7)).toMatch(/running loss reached .* more than 10× its start \(2\.30\)/);
  });

  it('lets a short spike that recovers pass, and an ordinary run', () => {
    expect(tripsAt(new DivergenceWatch(10, 0.11), adamAt01)).toBe(-1);
    const calm = Array.from({ length: 500 }, (_, i) => 2.3 * Math.exp(-i / 100) + 0.1 * Math.sin(i));
    expect(tripsAt(new DivergenceWatch(10, 0.11), calm)).toBe(-1);
  });

  it('never takes less than ln(classes) as the start: a fine-tuned model starting near 0 is not stopped by noise', () => {
    const watch = new DivergenceWatch(26, 0.05);
    expect(tripsAt(watch, [0.02, 0.5, 1.2, 0.8, 2, 3, 1])).toBe(-1);
    expect(watch.reference).toBeCloseTo(Math.log(26), 6);
  });

  it('calls chance accuracy after a spike divergence from the second epoch on, and only then', () => {
    const spiked = new DivergenceWatch(10, 0.112);
    spiked.batch(2.3);
    spiked.batch(15); // above 3× the start: a spike, not yet past the running bound
    expect(spiked.epoch(0, 0.1)).toBeUndefined(); // the first epoch gets the benefit of the doubt
    expect(spiked.healthy(0.1)).toBe(false);
    expect(spiked.epoch(1, 0.12)).toMatch(/accuracy is 12\.0 % after epoch 2, no better than .* \(11\.2 %\)/);
    expect(spiked.epoch(1, 0.6)).toBeUndefined();
    expect(spiked.healthy(0.6)).toBe(true);

    // Slow learning (learning rate 0, or far too low) never spiked: not divergence.
    const slow = new DivergenceWatch(10, 0.112);
    for (let i = 0; i < 50; i++) slow.batch(2.3);
    expect(slow.epoch(3, 0.1)).toBeUndefined();
    expect(slow.healthy(0.1)).toBe(true);
  });

  it('majorityShare is the share of the most common label among the indices', () => {
    const labels = Int32Array.from([0, 1, 1, 2, 1, 0]);
    expect(majorityShare(labels, Int32Array.from([0, 1, 2, 3, 4, 5]))).toBeCloseTo(0.5);
    expect(majorityShare(labels, Int32Array.from([0, 5, 3]))).toBeCloseTo(2 / 3);
    expect(majorityShare(labels, new Int32Array(0))).toBe(0);
  });
});
