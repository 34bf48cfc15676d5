// Test helper: a frame clock that runs frames only when the test says so.
import type { FrameClock } from '../canvas/frame-scheduler';

/** A manual clock: frames run only when the test says so. */
export function manualClock(): FrameClock & { frame(): void; pending: number } {
  let next = 1;
  const callbacks = new Map<number, (t: number) => void>();
  let time = 0;
  return {
    request(cb) {
      callbacks.set(next, cb);
      return next++;
    },
    cancel(h) {
      callbacks.delete(h);
    },
    frame() {
      time += 16;
      const due = [...callbacks.values()];
      callbacks.clear();
      for (const cb of due) cb(time);
    },
    get pending() {
      return callbacks.size;
    },
  };
}
