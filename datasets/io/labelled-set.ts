// The in-memory form every importer returns and every exporter takes: normalized 28×28 images with
// integer labels into a class list. Pure.

export interface LabelledSet {
  images: Float32Array; // [count, 784], values in [0, 1], ink = 1
  labels: Int32Array; // [count], index into classes
  classes: string[];
}

export interface ImportOptions {
  /**
   * The allowed classes, in label order. A sample with another label is an error. Without it, the
   * classes are the labels found, sorted (numbers numerically, then text).
   */
  classes?: readonly string[];
  /**
   * Run each image through normalizeImage (crop, 20×20 box, centre of mass), after converting to grey,
   * auto-inverting dark-on-light and cleaning the background (default true). With false the input
   * must already be 28×28 grey with ink bright: it is taken as it is. 'auto': an image that is
   * already 28×28 grey is taken as it is, any other is normalized (the app's own sample PNGs).
   */
  normalize?: boolean | 'auto';
  /** For normalize: 'auto' (default) inverts dark-on-light images; true/false force it. */
  invert?: 'auto' | boolean;
  /** For normalize: background clean-up threshold in [0, 1) (default 0.1, see gray.ts toInk). */
  threshold?: number;
}

export function sortLabels(labels: Iterable<string>): string[] {
  return [...new Set(labels)].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Map label names to indices into `classes` (given, or the sorted labels found). */
export function indexLabels(
  names: readonly string[],
  classes: readonly string[] | undefined,
  where: (i: number) => string,
): { labels: Int32Array; classes: string[] } {
  const list = classes ? [...classes] : sortLabels(names);
  const index = new Map(list.map((c, i) => [c, i]));
  const labels = new Int32Array(names.length);
  names.forEach((name, i) => {
    const k = index.get(name);
    if (k === undefined) {
      throw new Error(`${where(i)}: unknown label "${name}" (classes: ${list.join(', ')})`);
    }
    labels[i] = k;
  });
  return { labels, classes: list };
}

export function checkSet(set: LabelledSet): number {
  const count = set.labels.length;
  if (set.images.length !== count * 784) {
    throw new Error(`${count} labels need ${count * 784} image values, got ${set.images.length}`);
  }
  for (let i = 0; i < count; i++) {
    if (!(set.labels[i] >= 0 && set.labels[i] < set.classes.length)) {
      throw new Error(`sample ${i}: label ${set.labels[i]} is outside the ${set.classes.length} classes`);
    }
  }
  return count;
}
