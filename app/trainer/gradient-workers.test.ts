// The engine's data-parallel training through this Node host: one thread, two and three give the same model.

import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../engine/batch';
import { type ModelSpec, Sequential } from '../../engine/model';
import { Rng } from '../../engine/rng';
import { layer, mlpSpec } from '../../engine/test-specs';
import { train } from '../../engine/train';
import type { TrainOptions } from '../../engine/train-types';
import { nodeGradientWorkers } from './gradient-workers';

const SPEC = mlpSpec(12, [16, 8, 4]);

/** 203 samples (a last batch of 11, and of 1 with batch 101), four classes from a random projection. */
function dataset(): Dataset {
  const rng = new Rng(5);
  const n = 203;
  const images = new Float32Array(n * 12).map(() => rng.normal());
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) labels[i] = (images[i * 12] > 0 ? 1 : 0) + (images[i * 12 + 1] > 0 ? 2 : 0);
  return { images, labels, sampleShape: [12] };
}

async function trained(spec: ModelSpec, options: Partial<TrainOptions>) {
  const model = new Sequential(spec, new Rng(1));
  const warnings: string[] = [];
  const result = await train(model, dataset(), {
    epochs: 3,
    batchSize: 32,
    learningRate: 0.05,
    optimizer: { type: 'momentum', config: { momentum: 0.9 } },
    seed: 3,
    onWarning: (w) => warnings.push(w),
    ...options,
  });
  return { model, result, warnings };
}

describe('data-parallel training (two and three threads)', () => {
  it('gives the single-thread weights, losses and accuracies within float tolerance', async () => {
    for (const [batchSize, threads] of [
      [32, 2],
      [101, 2],
      [101, 3],
    ] as const) {
      const one = await trained(SPEC, { batchSize });
      const two = await trained(SPEC, { batchSize, parallel: nodeGradientWorkers(threads) });
      expect(two.result.status).toBe('completed');
      expect(two.warnings).toEqual([]);
      one.result.record.epochs.forEach((e, i) => {
        const f = two.result.record.epochs[i];
        expect(f.trainLoss).toBeCloseTo(e.trainLoss, 5);
        expect(f.trainAccuracy).toBe(e.trainAccuracy);
      });
      const a = one.model.params();
      const b = two.model.params();
      a.forEach((p, i) => {
        p.value.data.forEach((v, j) => {
          expect(Math.abs(v - b[i].value.data[j])).toBeLessThan(1e-5);
        });
      });
    }
  }, 60000);

  it('is reproducible: the same seed gives the same weights, bit for bit', async () => {
    const first = await trained(SPEC, { parallel: nodeGradientWorkers() });
    const second = await trained(SPEC, { parallel: nodeGradientWorkers() });
    first.model.params().forEach((p, i) => {
      expect(p.value.data).toEqual(second.model.params()[i].value.data);
    });
  }, 60000);

  it('trains a model with batch norm on one thread and says so', async () => {
    const spec: ModelSpec = {
      inputShape: [12],
      layers: [layer('dense', { units: 8 }), layer('batchNorm'), layer('dense', { units: 4 })],
    };
    const { result, warnings } = await trained(spec, { epochs: 1, parallel: nodeGradientWorkers() });
    expect(result.status).toBe('completed');
    expect(warnings.join('\n')).toMatch(/one thread: .*batch norm/);
  });
});
