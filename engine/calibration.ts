// How far a model's confidence can be trusted, and one number that fixes most of it. A network trained
// with cross-entropy is usually over-confident: it says 99 % where it is right 90 % of the time.
// Temperature scaling (Guo et al. 2017, https://arxiv.org/abs/1706.04599) divides every logit by one
// T > 0, fitted on held-out data to minimize the negative log-likelihood. The ranking (and so the
// accuracy) is unchanged; only the confidences move. The expected calibration error (ECE) measures what
// is left: the gap between confidence and accuracy, averaged over confidence bins, weighted by count.

/** softmax(logits / temperature) of each row, into `out` (max-subtracted: no overflow). */
export function softmaxTempered(
  logits: Float32Array,
  rows: number,
  cols: number,
  temperature: number,
  out: Float32Array = new Float32Array(rows * cols),
): Float32Array {
  const inv = 1 / temperature;
  for (let r = 0, o = 0; r < rows; r++, o += cols) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) if (logits[o + j]! > max) max = logits[o + j]!;
    let sum = 0;
    for (let j = 0; j < cols; j++) {
      const e = Math.exp((logits[o + j]! - max) * inv);
      out[o + j] = e;
      sum += e;
    }
    for (let j = 0; j < cols; j++) out[o + j]! /= sum;
  }
  return out;
}

/** Mean negative log-likelihood of the labels under softmax(logits / T). */
export function temperedNll(
  logits: Float32Array,
  labels: Int32Array,
  cols: number,
  temperature: number,
): number {
  const inv = 1 / temperature;
  let total = 0;
  for (let r = 0, o = 0; r < labels.length; r++, o += cols) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < cols; j++) if (logits[o + j]! > max) max = logits[o + j]!;
    let sum = 0;
    for (let j = 0; j < cols; j++) sum += Math.exp((logits[o + j]! - max) * inv);
    total -= (logits[o + labels[r]!]! - max) * inv - Math.log(sum);
  }
  return total / Math.max(1, labels.length);
}

/**
 * The temperature that minimizes the NLL of `labels` (one row of `logits` each), searched on log T in
 * [1/20, 20] by golden section (the NLL is convex in 1/T, so unimodal on log T).
 */
export function fitTemperature(logits: Float32Array, labels: Int32Array, cols: number): number {
  if (labels.length === 0) throw new Error('fitTemperature: no samples to fit on');
  if (logits.length !== labels.length * cols) {
    throw new Error(
      `fitTemperature: ${labels.length} labels need ${labels.length * cols} logits, got ${logits.length}`,
    );
  }
  const f = (logT: number) => temperedNll(logits, labels, cols, Math.exp(logT));
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(1 / 20);
  let b = Math.log(20);
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = f(c);
  let fd = f(d);
  while (b - a > 1e-4) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = f(d);
    }
  }
  return Math.exp((a + b) / 2);
}

/** One confidence bin of a reliability diagram. */
export interface ReliabilityBin {
  /** The bin's confidence range [from, to). */
  from: number;
  to: number;
  count: number;
  /** Mean top-class confidence of the answers in the bin, and the share of them that were right. */
  confidence: number;
  accuracy: number;
}

export interface Reliability {
  /** Expected calibration error: Σ_bins (count / n) · |accuracy − confidence|. */
  ece: number;
  bins: ReliabilityBin[];
}

/** Reliability of top-class answers: `confidence[i]` for answer i, `correct[i]` whether it was right. */
export function reliability(
  confidence: ArrayLike<number>,
  correct: ArrayLike<boolean>,
  binCount = 10,
): Reliability {
  const n = confidence.length;
  const sums = Array.from({ length: binCount }, () => ({ count: 0, confidence: 0, correct: 0 }));
  for (let i = 0; i < n; i++) {
    const c = confidence[i]!;
    const b = sums[Math.min(binCount - 1, Math.max(0, Math.floor(c * binCount)))]!;
    b.count++;
    b.confidence += c;
    if (correct[i]) b.correct++;
  }
  let ece = 0;
  const bins = sums.map((s, k) => {
    const bin: ReliabilityBin = {
      from: k / binCount,
      to: (k + 1) / binCount,
      count: s.count,
      confidence: s.count ? s.confidence / s.count : 0,
      accuracy: s.count ? s.correct / s.count : 0,
    };
    if (n > 0) ece += (s.count / n) * Math.abs(bin.accuracy - bin.confidence);
    return bin;
  });
  return { ece, bins };
}
