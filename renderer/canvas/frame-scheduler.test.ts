import { describe, expect, it } from 'vitest';
import { manualClock } from '../testing/manual-clock';
import { createFrameScheduler } from './frame-scheduler';

describe('createFrameScheduler', () => {
  it('collapses many requests in one frame into one run', () => {
    const clock = manualClock();
    let runs = 0;
    const s = createFrameScheduler(() => runs++, clock);
    for (let i = 0; i < 50; i++) s.schedule();
    expect(runs).toBe(0);
    expect(clock.pending).toBe(1);
    clock.frame();
    expect(runs).toBe(1);
    clock.frame();
    expect(runs).toBe(1);
    s.schedule();
    clock.frame();
    expect(runs).toBe(2);
  });

  it('cancel drops the pending run', () => {
    const clock = manualClock();
    let runs = 0;
    const s = createFrameScheduler(() => runs++, clock);
    s.schedule();
    expect(s.pending).toBe(true);
    s.cancel();
    expect(s.pending).toBe(false);
    clock.frame();
    expect(runs).toBe(0);
  });
});
