// The card's pairs section on a small real model: a one-layer network trained briefly on the bundled
// pen characters (digits and letters, 36 classes), evaluated on their held-out writers; the section's
// figures must be the evaluation's own confusions.

import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../datasets/load';
import { Sequential } from '../../engine/model';
import { Rng } from '../../engine/rng';
import { train } from '../../engine/train';
import { evaluateOn, parameterCount, writeModel } from '../model/engine-model';
import type { Evaluation } from '../shared/types';
import { modelCard } from './model-codec';
import { type AppModelMeta, summaryOf, withAppMeta } from './model-meta';

/** The first `n` samples of a split. */
async function firstOf(split: 'train' | 'test', n: number) {
  const d = await loadDataset('pen-characters', split);
  const count = Math.min(n, d.labels.length);
  return {
    classes: d.classes,
    images: d.images.subarray(0, count * 784),
    labels: d.labels.subarray(0, count),
    sampleShape: [1, 28, 28],
  };
}

function cardOf(model: Sequential, classes: string[], evaluation: Evaluation): string {
  const meta: AppModelMeta = {
    name: 'small characters',
    datasetId: 'pen-characters',
    task: 'characters',
    classes,
    architecture: 'custom',
    createdAt: '2026-12-05T00:00:00.000Z',
    metrics: { testAccuracy: evaluation.accuracy },
    evaluation,
  };
  const files = writeModel(model, classes);
  const json = withAppMeta(files.json, meta);
  return modelCard({
    summary: summaryOf('m', json, parameterCount(model), false, meta.createdAt),
    json,
    weights: files.weights,
  });
}

describe('the model card’s pairs no single glyph can separate', () => {
  it('reports, for a digits-and-letters model, how often its test read each digit as its letter and back', async () => {
    const trainSet = await firstOf('train', 4000);
    const testSet = await firstOf('test', 3000);
    const classes = trainSet.classes;
    expect(classes).toHaveLength(36);
    const model = new Sequential(
      {
        inputShape: [1, 28, 28],
        layers: [
          { type: 'flatten', config: {} },
          { type: 'dense', config: { units: 36 } },
        ],
      },
      new Rng(3),
    );
    await train(model, trainSet, {
      epochs: 2,
      batchSize: 64,
      learningRate: 0.003,
      optimizer: { type: 'adam', config: {} },
      seed: 3,
    });
    const e = evaluateOn(model, testSet, classes, 'pen-characters', 'test');
    const card = cardOf(model, classes, e);
    expect(card).toContain('## Pairs no single glyph can separate');
    expect(card).toContain(`On the test (pen-characters test split, ${e.count.toLocaleString('en')} images)`);
    for (const [digit, letter] of [
      ['0', 'O'],
      ['1', 'I'],
      ['2', 'Z'],
      ['5', 'S'],
      ['8', 'B'],
    ]) {
      const d = classes.indexOf(digit);
      const l = classes.indexOf(letter);
      const n = (i: number) => e.confusion[i].reduce((a, b) => a + b, 0);
      const share = (from: number, to: number) =>
        n(from) === 0
          ? '–'
          : `${e.confusion[from][to]} of ${n(from).toLocaleString('en')} (${((100 * e.confusion[from][to]) / n(from)).toFixed(2)} %)`;
      expect(card).toContain(`| ${digit} / ${letter} | ${share(d, l)} | ${share(l, d)} |`);
    }
  }, 120_000);

  it('is left out for a model that lacks one half of every pair (digits only)', async () => {
    const testSet = await firstOf('test', 200);
    const digits = testSet.classes.slice(0, 10);
    const keep = [...testSet.labels.keys()].filter((i) => testSet.labels[i] < 10);
    const images = new Float32Array(keep.length * 784);
    keep.forEach((k, i) => {
      images.set(testSet.images.subarray(k * 784, (k + 1) * 784), i * 784);
    });
    const model = new Sequential(
      {
        inputShape: [1, 28, 28],
        layers: [
          { type: 'flatten', config: {} },
          { type: 'dense', config: { units: 10 } },
        ],
      },
      new Rng(1),
    );
    const e = evaluateOn(
      model,
      { images, labels: Int32Array.from(keep.map((k) => testSet.labels[k])), sampleShape: [1, 28, 28] },
      digits,
      'pen-digits',
      'test',
    );
    expect(cardOf(model, digits, e)).not.toContain('Pairs no single glyph');
  });
});
