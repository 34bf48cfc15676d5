import { describe, expect, it } from 'vitest';
import { loadUnipen } from '../datasets/handwriting/unipen';
import { splitOfDonor, TEST_DONORS } from '../datasets/handwriting/writers';
import { Sequential } from '../engine/index';
import type { Dense } from '../engine/layers/dense';
import { Rng } from '../engine/rng';
import { flatDenseSpec } from '../engine/test-specs';
import { groupBy, heldOutGlyphs, indicesBy, pickRows, score, topConfusions } from './handwriting-eval';

/** A model whose logits are the first 3 of its 784 inputs: one dense layer, identity on those. */
function firstThreeModel(): Sequential {
  const m = new Sequential(flatDenseSpec(3), new Rng(1));
  const d = m.layers[1] as Dense;
  d.kernel.value.data.fill(0);
  // kernel [784, 3]: input i feeds output i for i < 3
  for (let i = 0; i < 3; i++) d.kernel.value.data[i * 3 + i] = 1;
  d.bias.value.data.fill(0);
  return m;
}

describe('handwriting bench scoring', () => {
  it('score gives the logits and the top-1 class of each input', () => {
    const inputs = new Float32Array(4 * 784);
    [
      [0.9, 0.1, 0],
      [0, 0.2, 0.1],
      [0, 0, 1],
      [0.5, 0.6, 0.4],
    ].forEach((row, i) => {
      inputs.set(row, i * 784);
    });
    const { logits, pred, cols } = score(firstThreeModel(), inputs, 4);
    expect(cols).toBe(3);
    expect([...pred]).toEqual([0, 1, 2, 1]);
    expect(logits[2 * 3 + 2]).toBeCloseTo(1, 6);
    expect([...pickRows(logits, cols, [3, 0])].map((v) => Math.round(v * 10) / 10)).toEqual([
      0.5, 0.6, 0.4, 0.9, 0.1, 0,
    ]);
  });

  it('groups by key, sorted, and lists the most frequent confusions', () => {
    const keys = ['uqb', 'apa', 'uqb', 'apa'];
    expect([...indicesBy(keys)]).toEqual([
      ['apa', [1, 3]],
      ['uqb', [0, 2]],
    ]);
    const truth = [0, 1, 1, 1];
    const pred = [0, 0, 0, 1];
    expect([...groupBy(keys, truth, pred)]).toEqual([
      ['apa', { correct: 1, total: 2 }],
      ['uqb', { correct: 1, total: 2 }],
    ]);
    expect(topConfusions(['a', 'b', 'b', 'b'], truth, pred, ['A', 'B'], 5)).toEqual(['b→A 2']);
  });

  it('measures the test donors only: no training or validation donor, every test donor', () => {
    const unipen = loadUnipen()!;
    for (const task of ['digits', 'letters'] as const) {
      const glyphs = heldOutGlyphs(unipen, task);
      const donors = new Set(glyphs.map((s) => s.donor));
      expect([...donors].sort()).toEqual([...TEST_DONORS].sort());
      expect(glyphs.every((s) => splitOfDonor(s.donor) === 'test')).toBe(true);
      // every glyph of the task written by a test donor is measured
      const all = unipen.filter(
        (s) => donors.has(s.donor) && /^[0-9]$/.test(s.label) === (task === 'digits'),
      );
      expect(glyphs.length).toBe(all.length);
    }
  });
});
