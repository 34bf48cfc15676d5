// When the "Inside the network" panel looks inside: at most once per animation frame, with the latest
// drawing, model and target, and never while the panel is closed. The Draw screen hands it each
// prediction after committing it, so the look inside runs in a later frame than the bars it follows
// and never delays them; updates that arrive while one is pending collapse into it. Each run is timed
// from the start of `inspect` to the end of `show` (the panel's commit and canvas painting). DOM-free.

import { createFrameScheduler, type FrameClock } from '../../canvas/frame-scheduler';

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
  const scheduler = createFrameScheduler(() => {
    if (disposed || !open) return;
    if (input === null) {
      options.show(null);
      return;
    }
    const start = now();
    options.show(options.inspect(input));
    options.onCost?.(now() - start);
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
