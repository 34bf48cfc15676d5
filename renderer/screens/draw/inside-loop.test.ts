import { describe, expect, it } from 'vitest';
import { manualClock } from '../../testing/manual-clock';
import { BUDGET, createInsideLoop } from './inside-loop';

/** A loop on a manual clock whose frames are 16 ms apart; a look costs `lookMs` (2 ms inspect + 1 ms show by default). */
function harness(inspectMs = 2) {
  const manual = manualClock();
  const inspected: number[] = [];
  const shown: (string | null)[] = [];
  const costs: number[] = [];
  let t = 0;
  const clock = Object.assign(Object.create(manual) as typeof manual, {
    frame: () => {
      t += 16;
      manual.frame();
    },
  });
  const loop = createInsideLoop<number, string>({
    inspect: (x) => {
      inspected.push(x);
      t += inspectMs;
      return `view ${x}`;
    },
    show: (r) => {
      shown.push(r);
      if (r !== null) t += 1;
    },
    onCost: (ms) => costs.push(ms),
    clock,
    now: () => t,
  });
  return { clock, loop, inspected, shown, costs };
}

describe('createInsideLoop', () => {
  it(`leaves the prediction its frames: a slow look (40 ms) is followed by rest, the panel using at most ${BUDGET * 100} % of the time`, () => {
    const { clock, loop, inspected } = harness(40);
    loop.setOpen(true);
    for (let i = 1; i <= 100; i++) {
      loop.update(i);
      clock.frame();
    }
    // 100 frames of 16 ms plus the looks' own 41 ms each: each look is followed by ≥ 3 × 41 ms of rest
    expect(inspected.length).toBeGreaterThan(5);
    expect(inspected.length).toBeLessThanOrEqual(Math.ceil((100 * 16) / (41 / BUDGET - 41)) + 1);
    // the look that runs after a rest takes the latest drawing, not the one that was pending
    expect(inspected.at(-1)).toBeGreaterThan(90);
  });

  it('costs nothing while closed: no inspect call, no frame asked for, however much is drawn', () => {
    const { clock, loop, inspected, shown } = harness();
    for (let i = 0; i < 100; i++) {
      loop.update(i);
      clock.frame();
    }
    expect(clock.pending).toBe(0);
    expect(inspected).toEqual([]);
    expect(shown).toEqual([]);
  });

  it('open: one look per frame, with the latest input, in the frame after the update', () => {
    const { clock, loop, inspected, shown } = harness();
    loop.setOpen(true);
    clock.frame(); // nothing drawn yet: the view is cleared, nothing inspected
    expect(inspected).toEqual([]);
    expect(shown).toEqual([null]);
    for (let i = 1; i <= 30; i++) loop.update(i);
    expect(inspected).toEqual([]); // not in the prediction's own frame
    clock.frame();
    expect(inspected).toEqual([30]);
    expect(shown).toEqual([null, 'view 30']);
    clock.frame();
    expect(inspected).toEqual([30]); // nothing new: nothing run
  });

  it('opening looks at the drawing already there; closing drops a pending look', () => {
    const { clock, loop, inspected } = harness();
    loop.update(7);
    loop.setOpen(true);
    clock.frame();
    expect(inspected).toEqual([7]);
    loop.update(8);
    loop.setOpen(false);
    clock.frame();
    expect(inspected).toEqual([7]);
    expect(clock.pending).toBe(0);
  });

  it('clears the view without inspecting when there is nothing to look at', () => {
    const { clock, loop, inspected, shown } = harness();
    loop.setOpen(true);
    loop.update(1);
    clock.frame();
    loop.update(null);
    clock.frame();
    expect(inspected).toEqual([1]);
    expect(shown).toEqual(['view 1', null]);
  });

  it('times inspect and show together, once per look', () => {
    const { clock, loop, costs } = harness();
    loop.setOpen(true);
    loop.update(1);
    clock.frame();
    loop.update(2);
    clock.frame();
    expect(costs).toEqual([3, 3]);
  });

  it('does nothing after dispose', () => {
    const { clock, loop, inspected } = harness();
    loop.setOpen(true);
    loop.update(1);
    loop.dispose();
    clock.frame();
    loop.update(2);
    clock.frame();
    expect(inspected).toEqual([]);
  });
});
