import { describe, expect, it } from 'vitest';
import type { Dataset } from './batch';
import { classMetrics, confusionMatrix, evaluate, type Predictor, softmaxAt } from './metrics';
import type { Tensor } from './tensor';

/** A "model" whose logits are its inputs: the dataset's images are the scores. */
const identity: Predictor = { forward: (x: Tensor) => x };

function scores(rows: number[][], labels: number[]): Dataset {
  return {
    images: Float32Array.from(rows.flat()),
    labels: Int32Array.from(labels),
    sampleShape: [rows[0].length],
  };
}

describe('metrics', () => {
  it('builds the confusion matrix as [actual, predicted]', () => {
    const m = confusionMatrix([0, 1, 1, 2], [0, 1, 2, 2], 3);
    expect([...m]).toEqual([1, 0, 0, 0, 1, 0, 0, 1, 1]);
  });

  it('computes precision, recall and F1 per class', () => {
    // class 1: predicted twice, right once → precision 0.5; actual once → recall 1; F1 = 2/3
    const m = confusionMatrix([0, 1, 1, 2], [0, 1, 2, 2], 3);
    const [c0, c1, c2] = classMetrics(m, 3);
    expect(c0).toEqual({ precision: 1, recall: 1, f1: 1, support: 1 });
    expect(c1.precision).toBeCloseTo(0.5);
    expect(c1.recall).toBeCloseTo(1);
    expect(c1.f1).toBeCloseTo(2 / 3);
    expect(c2.recall).toBeCloseTo(0.5);
    expect(c2.support).toBe(2);
  });

  it('evaluates in batches: accuracy, top-k, misclassified with confidence, most confident first', () => {
    const data = scores(
      [
        [5, 1, 0],
        [0, 2, 1],
        [3, 0, 2], // actual 2, predicted 0, rank of 2 is 2
        [0, 9, 0], // actual 0, predicted 1, rank 2 (ties count in its favour)
        [1, 0, 4],
      ],
      [0, 1, 2, 0, 2],
    );
    const result = evaluate(identity, data, { numClasses: 3, batchSize: 2, topK: [1, 2] });
    expect(result.count).toBe(5);
    expect(result.accuracy).toBeCloseTo(0.6);
    expect(result.topK[1]).toBeCloseTo(0.6);
    expect(result.topK[2]).toBeCloseTo(1);
    expect(result.misclassified.map((m) => m.index)).toEqual([3, 2]);
    expect(result.misclassified[0]).toMatchObject({ predicted: 1, actual: 0 });
    expect(result.misclassified[0].confidence).toBeCloseTo(softmaxAt(Float32Array.from([0, 9, 0]), 0, 3, 1));
    expect(result.confusion[2 * 3 + 0]).toBe(1);
  });

  it('evaluates only the given indices', () => {
    const data = scores(
      [
        [1, 0],
        [1, 0],
        [0, 1],
      ],
      [0, 1, 1],
    );
    const result = evaluate(identity, data, { numClasses: 2, indices: Int32Array.from([0, 2]) });
    expect(result.count).toBe(2);
    expect(result.accuracy).toBe(1);
  });

  it('softmax confidence is stable for large logits', () => {
    expect(softmaxAt(Float32Array.from([1000, 0]), 0, 2, 0)).toBeCloseTo(1);
  });
});
