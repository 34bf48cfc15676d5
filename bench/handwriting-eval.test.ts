import { describe, expect, it } from 'vitest';
import { Sequential } from '../engine/index';
import type { Dense } from '../engine/layers/dense';
import { Rng } from '../engine/rng';
import { rankPrediction } from '../renderer/inference/prediction';
import { predictAll, predictWithConfidence, sureRate } from './handwriting-eval';

/** A model whose logits are its input (3 values): one dense layer with the identity kernel. */
function identityModel(): Sequential {
  const m = new Sequential(
    { inputShape: [3], layers: [{ type: 'dense', config: { units: 3 } }] },
    new Rng(1),
  );
  const d = m.layers[0] as Dense;
  d.kernel.value.data.fill(0);
  for (let i = 0; i < 3; i++) d.kernel.value.data[i * 3 + i] = 1;
  d.bias.value.data.fill(0);
  return m;
}

describe('predictWithConfidence', () => {
  it("agrees with the Draw screen's Not sure rule, and sureRate counts what is shown", () => {
    // Confident; nearly flat; two classes close together; confident in the last class.
    const logits = Float32Array.from([6, 0, 0, 0.5, 0.4, 0.3, 1.6, 0, 1.1, 0, 0, 5]);
    const model = identityModel();
    const { pred, sure } = predictWithConfidence(model, logits, 4, 3);
    const expected = [0, 1, 2, 3].map((i) => {
      const z = Array.from(logits.subarray(i * 3, i * 3 + 3), Math.exp);
      const total = z.reduce((a, b) => a + b);
      return rankPrediction(
        z.map((v) => v / total),
        ['a', 'b', 'c'],
      )!;
    });
    expect([...pred]).toEqual(expected.map((p) => p.top.index));
    expect([...sure]).toEqual(expected.map((p) => (p.notSure ? 0 : 1)));
    expect([...sure]).toEqual([1, 0, 0, 1]);
    expect([...predictAll(model, logits, 4)]).toEqual([0, 0, 0, 2]);
    expect(sureRate(Int32Array.from([0, 0, 0, 1]), pred, sure)).toEqual({ shown: 0.5, right: 0.5 });
  });
});
