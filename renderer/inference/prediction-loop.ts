// Live prediction, debounced to the next animation frame: however many pointer events arrive in a
// frame, the drawing is normalized and run through the network once, with its latest state. The
// loop measures how long each pass took and the latency from the first change to the result.

import { createFrameScheduler, type FrameClock } from '../canvas/frame-scheduler';

export interface LoopTiming {
  /** Milliseconds spent in compute (normalize + forward pass). */
  computeMs: number;
  /** Milliseconds from the first invalidate of this frame to the result. */
  latencyMs: number;
}

export interface PredictionLoop {
  /** The input changed: recompute on the next frame. */
  invalidate(): void;
  dispose(): void;
}

export function createPredictionLoop<R>(options: {
  compute: () => R;
  onResult: (result: R, timing: LoopTiming) => void;
  clock?: FrameClock;
  now?: () => number;
}): PredictionLoop {
  const now = options.now ?? (() => performance.now());
  let firstChange: number | null = null;
  let disposed = false;
  const scheduler = createFrameScheduler(() => {
    if (disposed) return;
    const start = now();
    const result = options.compute();
    const end = now();
    const latencyMs = end - (firstChange ?? start);
    firstChange = null;
    options.onResult(result, { computeMs: end - start, latencyMs });
  }, options.clock);
  return {
    invalidate() {
      if (disposed) return;
      if (firstChange === null) firstChange = now();
      scheduler.schedule();
    },
    dispose() {
      disposed = true;
      scheduler.cancel();
    },
  };
}
