import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../engine/batch';
import type { Predictor } from '../../engine/metrics';
import { Rng } from '../../engine/rng';
import { tensor } from '../../engine/tensor';
import { calibrate, confidenceFigures, scribbleFigures, testCalibration } from './calibrate';

/** A "model" whose logits are the first `cols` pixels of its input: the test decides what it says. */
const echo = (cols: number): Predictor => ({
  forward: (x) => {
    const n = x.shape[0]!;
    const out = tensor([n, cols]);
    for (let i = 0; i < n; i++) out.data.set(x.data.subarray(i * 784, i * 784 + cols), i * cols);
    return out;
  },
});

/** n samples of a 4-class task: right 80 % of the time, always very sure (logit 8 on the class said). */
function overConfident(n: number, seed: number): Dataset {
  const rng = new Rng(seed);
  const images = new Float32Array(n * 784);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = rng.int(4);
    const said = rng.next() < 0.8 ? labels[i]! : (labels[i]! + 1 + rng.int(3)) % 4;
    images[i * 784 + said] = 8;
    images[i * 784 + ((said + 1) % 4)] = rng.next() * 8; // some hesitate: a runner-up close behind
  }
  return { images, labels, sampleShape: [1, 28, 28] };
}

describe('calibrate', () => {
  it('fits a temperature that removes most of the calibration error, and a sure threshold for the share asked', () => {
    const c = calibrate(echo(4), overConfident(3000, 1), 4, 0.9, 'validation');
    expect(c.temperature).toBeGreaterThan(1);
    expect(c.validation.ece).toBeLessThan(c.validation.eceUncalibrated);
    expect(c.validation.sureShare).toBeGreaterThanOrEqual(0.89);
    expect(c.validation.sureShare).toBeLessThanOrEqual(0.92);
    expect(c.notACharacterBelow).toBeLessThanOrEqual(c.sureAbove);
    expect(c.validation.rejected).toBeLessThanOrEqual(0.011);
    // a held-out set of the same kind gets the same figures, within noise
    const t = testCalibration(echo(4), overConfident(3000, 2), 4, c, 'test');
    expect(t.on).toBe('test');
    expect(Math.abs(t.accuracy - 0.8)).toBeLessThan(0.03);
    expect(t.ece).toBeLessThan(t.eceUncalibrated);
    expect(Math.abs(t.ece - c.validation.ece)).toBeLessThan(0.03);
  });

  it('counts mistakes shown as sure, and top-3', () => {
    // two samples: one right and sure, one wrong and sure; threshold 0.5
    const logits = new Float32Array([9, 0, 0, 0, 9, 0, 0, 0]);
    const f = confidenceFigures(logits, new Int32Array([0, 1]), 4, {
      temperature: 1,
      sureAbove: 0.5,
      notACharacterBelow: 0.1,
    });
    expect(f).toMatchObject({
      accuracy: 0.5,
      sureShare: 1,
      sureAccuracy: 0.5,
      mistakesShownSure: 1,
      top3: 1,
    });
  });

  it('reads a flat output as no character, and a confident one as a character', () => {
    const images = new Float32Array(2 * 784);
    images[784] = 9; // the second is sure of class 0; the first is flat
    const s = scribbleFigures(echo(4), images, 4, {
      temperature: 1,
      sureAbove: 0.8,
      notACharacterBelow: 0.3,
    });
    expect(s).toEqual({ count: 2, readAsCharacter: 0.5, shownSure: 0.5 });
  });
});
