// Which samples of a built pen set came from which donor, as its manifest records them (build.ts),
// and the indices a recipe keeps when it takes or leaves out whole donors. Browser-safe.

import type { Split } from '../bundled-datasets';
import type { DatasetManifest } from '../manifest';

/** `count` samples from `start` on, all from one donor. */
export interface DonorRange {
  donor: string;
  start: number;
  count: number;
}

/** The donor ranges of one split; empty when the set records none (MNIST, fonts). */
export function donorRanges(manifest: DatasetManifest, split: Split): DonorRange[] {
  const donors = (manifest.build.donors as Partial<Record<Split, unknown>> | undefined)?.[split];
  if (!Array.isArray(donors)) return [];
  const count = manifest.splits[split]?.count ?? 0;
  return donors.map((d: unknown, i) => {
    const r = d as Partial<DonorRange> | null;
    if (
      r === null ||
      typeof r !== 'object' ||
      typeof r.donor !== 'string' ||
      !Number.isInteger(r.start) ||
      !Number.isInteger(r.count) ||
      r.start! < 0 ||
      r.count! < 0 ||
      r.start! + r.count! > count
    ) {
      throw new Error(`${manifest.id}: donor range ${i} of the ${split} split is malformed`);
    }
    return { donor: r.donor, start: r.start!, count: r.count! };
  });
}

/**
 * Sample indices of a split: those of the named donors (`only`), or all but those (`except`), in order. A set
 * that records no donors cannot be filtered by donor: that is an error, not a silent "all".
 */
export function donorIndices(
  ranges: readonly DonorRange[],
  total: number,
  filter: { only?: readonly string[]; except?: readonly string[] },
  setName: string,
): Int32Array {
  if (!filter.only && !filter.except) return Int32Array.from({ length: total }, (_, i) => i);
  if (ranges.length === 0) throw new Error(`${setName} records no donors: it cannot be split by writer`);
  const known = new Set(ranges.map((r) => r.donor));
  for (const d of [...(filter.only ?? []), ...(filter.except ?? [])])
    if (!known.has(d)) throw new Error(`${setName} has no donor "${d}" (donors: ${[...known].join(', ')})`);
  if (filter.only) {
    const out: number[] = [];
    for (const r of ranges)
      if (filter.only.includes(r.donor)) for (let i = 0; i < r.count; i++) out.push(r.start + i);
    return Int32Array.from(out);
  }
  // `except` keeps every other sample, including any the set holds without a donor (the fonts of letters)
  const dropped = new Uint8Array(total);
  for (const r of ranges) if (filter.except!.includes(r.donor)) dropped.fill(1, r.start, r.start + r.count);
  const out: number[] = [];
  for (let i = 0; i < total; i++) if (!dropped[i]) out.push(i);
  return Int32Array.from(out);
}
