// What lets a long training loop share its thread: cancellation, an awaitable pause gate, a clock,
// yielding to the event loop, and layers that report warnings (e.g. a fixed point that did not converge).
// NOTE: the engine type-checks without DOM or Node types, so the host's timer and clock are reached
// through globalThis; every runtime the app uses (Node, Electron, Chromium) provides them.

/** The part of an AbortSignal the loop reads; a DOM or Node AbortSignal fits. */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener?(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
}

/** A gate the loop awaits between batches: closed while paused, open otherwise. */
export class PauseGate {
  private isPaused = false;
  private waiters: (() => void)[] = [];

  get paused(): boolean {
    return this.isPaused;
  }

  pause(): void {
    this.isPaused = true;
  }

  resume(): void {
    this.isPaused = false;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves at once if open; otherwise on resume, or on abort so that a paused run can be cancelled. */
  wait(signal?: AbortSignalLike): Promise<void> {
    if (!this.isPaused || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      signal?.addEventListener?.('abort', () => resolve(), { once: true });
    });
  }
}

interface HostTimers {
  setImmediate?: (callback: () => void) => unknown;
  setTimeout?: (callback: () => void, ms: number) => unknown;
  performance?: { now(): number };
}

const host = globalThis as unknown as HostTimers;

/** Milliseconds from an arbitrary origin; sub-millisecond where the host has `performance`. */
export function clock(): number {
  return host.performance !== undefined ? host.performance.now() : Date.now();
}

/** Lets queued messages (cancel, pause) run: a macrotask, not a microtask. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (host.setImmediate !== undefined) host.setImmediate(resolve);
    else if (host.setTimeout !== undefined) host.setTimeout(resolve, 0);
    else resolve();
  });
}

/** A layer that collects warnings while it runs (a fixed point that hit its iteration cap). */
export interface WarningSource {
  /** Returns the warnings gathered since the last call and forgets them. */
  takeWarnings(): string[];
}

export function isWarningSource(value: unknown): value is WarningSource {
  return typeof (value as Partial<WarningSource> | null)?.takeWarnings === 'function';
}
