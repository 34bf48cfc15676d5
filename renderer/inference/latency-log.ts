// Pen-to-bars latency, as a person feels it: from the first pointer event that changed the drawing to
// the moment the updated bars are committed to the DOM (they are painted in that same frame). The Draw
// screen shows the median and p95 of the last strokes; the e2e run records them in docs/benchmarks.md.

export interface LatencyStats {
  count: number;
  medianMs: number;
  p95Ms: number;
}

export class LatencyLog {
  private readonly samples: number[] = [];
  private next = 0;

  constructor(private readonly capacity = 256) {}

  add(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    if (this.samples.length < this.capacity) this.samples.push(ms);
    else this.samples[this.next] = ms;
    this.next = (this.next + 1) % this.capacity;
  }

  clear(): void {
    this.samples.length = 0;
    this.next = 0;
  }

  stats(): LatencyStats {
    const sorted = [...this.samples].sort((a, b) => a - b);
    return { count: sorted.length, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95) };
  }
}

/** The q-quantile of ascending values (nearest rank); NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}
