// Coalesce many requests into one run on the next animation frame (the prediction debounce and the
// canvas redraw): however many pointer events arrive in a frame, the work runs once, with the latest state.

export interface FrameClock {
  request(callback: (time: number) => void): number;
  cancel(handle: number): void;
}

export const browserClock: FrameClock = {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h),
};

export interface FrameScheduler {
  /** Ask for a run on the next frame; repeated asks within a frame collapse into one. */
  schedule(): void;
  /** Drop a pending run. */
  cancel(): void;
  /** True while a run is pending. */
  readonly pending: boolean;
}

export function createFrameScheduler(
  run: (time: number) => void,
  clock: FrameClock = browserClock,
): FrameScheduler {
  let handle: number | null = null;
  return {
    schedule() {
      if (handle !== null) return;
      handle = clock.request((time) => {
        handle = null;
        run(time);
      });
    },
    cancel() {
      if (handle === null) return;
      clock.cancel(handle);
      handle = null;
    },
    get pending() {
      return handle !== null;
    },
  };
}
