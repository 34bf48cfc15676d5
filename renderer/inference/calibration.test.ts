import { describe, expect, it } from 'vitest';
import { calibrationOf, temperedProbabilities } from './calibration';

const withCalibration = (calibration: unknown) => ({ metadata: { glyphLab: { calibration } } });
const record = { temperature: 1.7, sureAbove: 0.62, notACharacterBelow: 0.3, method: 'temperature' };

describe('calibrationOf', () => {
  it("reads a calibrated model's temperature and thresholds from metadata.glyphLab", () => {
    expect(calibrationOf(withCalibration(record))).toEqual({
      temperature: 1.7,
      sureAbove: 0.62,
      notACharacterBelow: 0.3,
    });
  });

  it('gives null for a model without calibration (user-trained, a checkpoint) and for an unusable record', () => {
    expect(calibrationOf({})).toBeNull();
    expect(calibrationOf({ metadata: { glyphLab: { name: 'mine' } } })).toBeNull();
    expect(calibrationOf({ metadata: 'oops' })).toBeNull();
    expect(calibrationOf(withCalibration({ ...record, temperature: 0 }))).toBeNull();
    expect(calibrationOf(withCalibration({ ...record, temperature: Number.POSITIVE_INFINITY }))).toBeNull();
    expect(calibrationOf(withCalibration({ ...record, sureAbove: 1.5 }))).toBeNull();
    expect(calibrationOf(withCalibration({ ...record, notACharacterBelow: '0.3' }))).toBeNull();
    expect(calibrationOf(withCalibration([record]))).toBeNull();
  });
});

describe('temperedProbabilities', () => {
  it('is softmax(logits / T): T = 1 the plain softmax, T > 1 softer, the ranking unchanged', () => {
    const logits = Float32Array.of(2, 0, -1);
    const plain = temperedProbabilities(logits, 1);
    const z = Math.exp(2) + 1 + Math.exp(-1);
    expect(plain[0]).toBeCloseTo(Math.exp(2) / z, 6);
    const soft = temperedProbabilities(logits, 2);
    const z2 = Math.exp(1) + 1 + Math.exp(-0.5);
    expect(soft[0]).toBeCloseTo(Math.exp(1) / z2, 6);
    expect(soft[0]!).toBeLessThan(plain[0]!);
    expect(soft[0]! > soft[1]! && soft[1]! > soft[2]!).toBe(true);
    expect(soft.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
});
