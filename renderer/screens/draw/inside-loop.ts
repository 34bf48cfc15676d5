// When the "Inside the network" panel looks inside: at most once per animation frame, with the latest
// drawing, model and target, and never while the panel is closed. The Draw screen hands it each
// prediction after committing it, so the look inside runs in a later frame than the bars it follows
// and never delays them; updates that arrive while one is pending collapse into it. Each run is timed
// from the start of `inspect` to the end of `show` (the panel's commit and canvas painting). A look at
// a large model takes longer than a frame (the built-in digits CNN: ~15 ms in Chromium), so after each
// look the next waits until the panel has used at most BUDGET of the time since: the prediction keeps
// its frames, and the panel follows the drawing a few times a second instead of every frame. DOM-free.

import { createFrameScheduler, type FrameClock } from '../../canvas/frame-scheduler';

/** The largest share of the time the panel's looks may take (the rest is the prediction's and the page's). */
export const BUDGET = 0.25;

export interface InsideLoop<I> {
  /** The latest input; null when there is nothing to look at (no ink, no model). */
  update(input: I | null): void;
  /** Open: look at the latest input on the next frame. Closed: drop any pending look, run nothing. */
  setOpen(open: boolean): void;
  dispose(): void;
}

export function createInsideLoop<I, R>(options: {
  inspect: (input: I) => R;
  /** The result to show; null clears the view (nothing to look at). */
  show: (result: R | null) => void;
  /** Milliseconds of inspect + show, per run. */
  onCost?: (ms: number) => void;
  clock?: FrameClock;
  now?: () => number;
}): InsideLoop<I> {
  const now = options.now ?? (() => performance.now());
  let input: I | null = null;
  let open = false;
  let disposed = false;
  /** No look before this time: the last one's cost, spread over a budget-sized share. */
  let restUntil = Number.NEGATIVE_INFINITY;
  const scheduler = createFrameScheduler(() => {
    if (disposed || !open) return;
    if (input === null) {
      options.show(null);
      return;
    }
    if (now() < restUntil) {
      scheduler.schedule(); // a later frame, with whatever the input is then
      return;
    }
    const start = now();
    options.show(options.inspect(input));
    const cost = now() - start;
    options.onCost?.(cost);
    restUntil = start + cost / BUDGET;
  }, options.clock);
  return {
    update(next) {
      input = next;
      if (open && !disposed) scheduler.schedule();
    },
    setOpen(next) {
      if (disposed || next === open) return;
      open = next;
      if (open) scheduler.schedule();
      else scheduler.cancel();
    },
    dispose() {
      disposed = true;
      scheduler.cancel();
    },
  };
}
