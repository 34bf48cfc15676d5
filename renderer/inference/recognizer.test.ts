// The renderer's recognizer on a real engine model (a tiny dense net, serialized as main sends it):
// a calibrated model's probabilities are tempered, any other's are the engine's softmax.

import { describe, expect, it } from 'vitest';
import type { ModelPayload } from '../../app/shared/types';
import { Rng, Sequential, serializeModel } from '../../engine';
import { loadRecognizer } from './recognizer';

const classes = ['a', 'b', 'c'];

function payload(metadata?: unknown): ModelPayload {
  const model = new Sequential(
    { inputShape: [4], layers: [{ type: 'dense', config: { units: 3 } }] },
    new Rng(7),
  );
  const { json, weights } = serializeModel(model, { classes, ...(metadata ? { metadata } : {}) });
  return {
    summary: {
      id: 'm',
      name: 'm',
      datasetId: 'x',
      task: 'custom',
      classes,
      architecture: 'custom',
      parameters: 15,
      createdAt: '2026-12-04T00:00:00.000Z',
      metrics: {},
      builtin: false,
    },
    json: json as unknown as Record<string, unknown>,
    weights,
  };
}

const input = Float32Array.of(1, -2, 0.5, 3);

describe('loadRecognizer', () => {
  it('divides the logits of a calibrated model by its temperature before the softmax', () => {
    const plain = loadRecognizer(payload());
    expect(plain.calibration).toBeNull();
    const p = plain.predict(input);
    const calibration = { temperature: 2.5, sureAbove: 0.6, notACharacterBelow: 0.25 };
    const tempered = loadRecognizer(payload({ glyphLab: { calibration } }));
    expect(tempered.calibration).toEqual(calibration);
    const q = tempered.predict(input);
    // softmax(z / T) ∝ softmax(z)^(1/T): the same weights, the plain probabilities raised to 1/T.
    const powered = Array.from(p, (x) => x ** (1 / 2.5));
    const sum = powered.reduce((a, b) => a + b, 0);
    for (let k = 0; k < 3; k++) expect(q[k]).toBeCloseTo(powered[k]! / sum, 5);
    expect(Math.max(...q)).toBeLessThan(Math.max(...p));
  });

  it('gives a fresh array each pass (the engine reuses its buffers)', () => {
    const r = loadRecognizer(
      payload({ glyphLab: { calibration: { temperature: 2, sureAbove: 0.5, notACharacterBelow: 0.2 } } }),
    );
    const first = r.predict(input);
    const kept = Float32Array.from(first);
    r.predict(Float32Array.of(0, 0, 0, 0));
    expect(first).toEqual(kept);
  });

  it("looks inside with the model's own training loss and rate, and leaves prediction as it was", () => {
    const trained = {
      glyphLab: { training: { spec: { architecture: 'custom', loss: 'mse', learningRate: 0.5 } } },
    };
    const r = loadRecognizer(payload(trained));
    expect(r.inspectSettings).toMatchObject({ loss: 'mse', learningRate: 0.5 });
    const before = r.predict(input);
    const seen = r.inspect(input, 1);
    expect(seen.backward?.output.loss).toBe('meanSquaredError');
    expect(seen.backward?.learningRate).toBe(0.5);
    expect(seen.backward?.layers).toHaveLength(1);
    expect(r.predict(input)).toEqual(before);
  });
});
