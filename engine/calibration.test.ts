import { describe, expect, it } from 'vitest';
import { fitTemperature, reliability, softmaxTempered, temperedNll } from './calibration';
import { Rng } from './rng';

/** Logits of a 3-class model that is right 70 % of the time but always 99 % sure (over-confident). */
function overConfident(n: number, seed: number): { logits: Float32Array; labels: Int32Array } {
  const rng = new Rng(seed);
  const logits = new Float32Array(n * 3);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const label = rng.int(3);
    labels[i] = label;
    const said = rng.next() < 0.7 ? label : (label + 1 + rng.int(2)) % 3;
    logits[i * 3 + said] = 6; // softmax ≈ 0.995 on the class said
  }
  return { logits, labels };
}

describe('temperature scaling', () => {
  it('softens an over-confident model until its confidence matches its accuracy', () => {
    const { logits, labels } = overConfident(4000, 1);
    const t = fitTemperature(logits, labels, 3);
    expect(t).toBeGreaterThan(1);
    const p = softmaxTempered(logits, labels.length, 3, t);
    const conf: number[] = [];
    const right: boolean[] = [];
    for (let i = 0; i < labels.length; i++) {
      const top =
        p[i * 3] > p[i * 3 + 1] ? (p[i * 3] > p[i * 3 + 2] ? 0 : 2) : p[i * 3 + 1] > p[i * 3 + 2] ? 1 : 2;
      conf.push(p[i * 3 + top]!);
      right.push(top === labels[i]);
    }
    const before = reliability(
      Array.from({ length: labels.length }, () => 0.995),
      right,
    );
    const after = reliability(conf, right);
    expect(before.ece).toBeGreaterThan(0.25);
    expect(after.ece).toBeLessThan(0.03);
    expect(temperedNll(logits, labels, 3, t)).toBeLessThan(temperedNll(logits, labels, 3, 1));
  });

  it('leaves a calibrated model near T = 1', () => {
    // labels drawn from the model's own softmax: calibrated by construction
    const rng = new Rng(3);
    const n = 6000;
    const logits = new Float32Array(n * 4);
    const labels = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < 4; k++) logits[i * 4 + k] = rng.normal() * 2;
      const p = softmaxTempered(logits.subarray(i * 4, i * 4 + 4), 1, 4, 1);
      let u = rng.next();
      let k = 0;
      while (k < 3 && u > p[k]!) u -= p[k++]!;
      labels[i] = k;
    }
    expect(fitTemperature(logits, labels, 4)).toBeCloseTo(1, 1);
  });

  it('refuses to fit on nothing', () => {
    expect(() => fitTemperature(new Float32Array(0), new Int32Array(0), 3)).toThrow(/no samples/);
  });
});

describe('reliability', () => {
  it('bins answers by confidence and weighs the gap by count', () => {
    const r = reliability([0.95, 0.95, 0.55, 0.55], [true, false, true, true], 10);
    expect(r.bins[9]).toMatchObject({ count: 2, accuracy: 0.5 });
    expect(r.bins[5]).toMatchObject({ count: 2, accuracy: 1 });
    expect(r.ece).toBeCloseTo(0.5 * 0.45 + 0.5 * 0.45, 6);
  });
});
