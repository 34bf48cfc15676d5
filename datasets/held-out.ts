// The fixed train/test split of a set the app keeps: every k-th sample of each class is held out.
// The trainer, `models:evaluate` and `datasets:images` all use it, so a test index means the same
// image everywhere. Pure.

/** Default held-out fraction for a custom set's test split. */
export const CUSTOM_TEST_FRACTION = 0.2;

/** Every k-th sample of a class is held out for `fraction`. */
export function testEvery(fraction = CUSTOM_TEST_FRACTION): number {
  return Math.max(2, Math.round(1 / fraction));
}

/** How many of a class's `n` samples the fixed split holds out. */
export function heldOutOf(n: number, fraction = CUSTOM_TEST_FRACTION): number {
  return fraction <= 0 ? 0 : Math.floor(n / testEvery(fraction));
}

/**
 * Fixed split: within each class, every k-th sample (k = round(1 / fraction)) goes to test, so each
 * class with at least k samples is tested and the split does not move when samples are added at the end.
 */
export function splitCustom(
  labels: Int32Array,
  fraction = CUSTOM_TEST_FRACTION,
): { train: Int32Array; test: Int32Array } {
  if (fraction <= 0) return { train: Int32Array.from(labels.keys()), test: new Int32Array(0) };
  const k = testEvery(fraction);
  const seen = new Map<number, number>();
  const train: number[] = [];
  const test: number[] = [];
  labels.forEach((label, i) => {
    const n = seen.get(label) ?? 0;
    seen.set(label, n + 1);
    (n % k === k - 1 ? test : train).push(i);
  });
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}
