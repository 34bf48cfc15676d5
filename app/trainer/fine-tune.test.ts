// Fine-tuning: the recipe's pieces in process, then a whole job through the core with a REAL trainer:
// the built-in digits model learns ★ and ♥ from drawings, reports before/after figures, and flags a
// heart deliberately saved as ★.

import { describe, expect, it } from 'vitest';
import { normalizeStrokes, strokesFromPairs } from '../../datasets/normalize';
import { drawSymbol, type SymbolName } from '../../datasets/symbol-strokes';
import { Sequential } from '../../engine/model';
import { preset } from '../../engine/presets';
import { Rng } from '../../engine/rng';
import { FINE_TUNE_FORM } from '../../renderer/training/spec-form';
import type { Core } from '../core/core';
import { coreForFile } from '../core/test-core';
import { barImage, fineTuneSpec } from '../core/test-helpers';
import { crossEntropy } from '../model/engine-model';
import { FINE_TUNE_RECIPE, FINE_TUNE_TRAINING } from '../model/fine-tune-recipe';
import { fineTune, headStart, withCopies } from './fine-tune';

function drawing(symbol: SymbolName, seed: number): Float32Array<ArrayBuffer> {
  const strokes = drawSymbol(symbol, seed).map((s) =>
    s.map(([x, y]) => [x * 400, y * 400] as [number, number]),
  );
  return Float32Array.from(normalizeStrokes(strokesFromPairs(strokes), { minExtent: 24 }));
}

describe('the fine-tuning recipe', () => {
  it('trains the dense head after the last feature layer of each preset', () => {
    const types = (id: 'mlp' | 'lenet' | 'cnn' | 'recurrent') => {
      const model = new Sequential(preset(id, { classes: 10, inputShape: [1, 28, 28] }).model, new Rng(1));
      return model.layers.slice(headStart(model)).map((l) => l.type);
    };
    expect(types('lenet')).toEqual(['dense', 'relu', 'dense']);
    expect(types('cnn')).toEqual(['dense', 'relu', 'dropout', 'dense']);
    expect(types('mlp')).toEqual(['dense', 'relu', 'dense', 'relu', 'dense']);
    expect(types('recurrent')).toEqual(['dense']);
  });

  it('is what the Train form proposes when a base model is picked', () => {
    expect(FINE_TUNE_FORM).toMatchObject({
      optimizer: FINE_TUNE_TRAINING.optimizer.type,
      learningRate: FINE_TUNE_TRAINING.learningRate,
      schedule: FINE_TUNE_TRAINING.schedule.type,
      scheduleConfig: FINE_TUNE_TRAINING.schedule.config,
      batchSize: FINE_TUNE_TRAINING.batchSize,
      epochs: FINE_TUNE_TRAINING.epochs,
    });
  });

  it('makes augmented copies after the originals, labels repeated', () => {
    const set = {
      images: new Float32Array([...barImage(5), ...barImage(20)]),
      labels: new Int32Array([0, 1]),
      sampleShape: [1, 28, 28],
    };
    const out = withCopies(set, 3, FINE_TUNE_RECIPE.augment, 1);
    expect(Array.from(out.labels)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    expect(out.images.subarray(0, 784 * 2)).toEqual(set.images);
    expect(out.images.subarray(784 * 2, 784 * 3)).not.toEqual(set.images.subarray(0, 784));
  });

  it('keeps the frozen features bit for bit and learns a new class in the head', async () => {
    const base = new Sequential(preset('lenet', { classes: 2, inputShape: [1, 28, 28] }).model, new Rng(3));
    const model = base.withClasses(3, new Rng(4));
    const before = model.layers.map((l) => l.params().map((p) => Float32Array.from(p.value.data)));
    const custom = {
      images: new Float32Array([...barImage(4), ...barImage(12), ...barImage(22)]),
      labels: new Int32Array([0, 1, 2]),
      sampleShape: [1, 28, 28],
    };
    const empty = { images: new Float32Array(0), labels: new Int32Array(0), sampleShape: [1, 28, 28] };
    const { result, trainCount } = await fineTune({
      model,
      custom,
      replay: empty,
      recipe: { ...FINE_TUNE_RECIPE, copies: 10 },
      options: { ...FINE_TUNE_TRAINING, epochs: 20, loss: crossEntropy(), seed: 1 },
    });
    expect(result.status).toBe('completed');
    expect(trainCount).toBe(33);
    const start = headStart(model);
    model.layers.forEach((l, i) => {
      l.params().forEach((p, k) => {
        if (i < start) expect(p.value.data, `layer ${i} frozen`).toEqual(before[i]![k]);
        else expect(p.value.data, `layer ${i} trained`).not.toEqual(before[i]![k]);
      });
    });
    const probabilities = model.predict({ shape: [1, 1, 28, 28], data: barImage(22) });
    expect(probabilities.data[2]).toBeGreaterThan(0.5);
  });
});

describe('a fine-tuning job through the core', () => {
  let core: Core;
  const events = coreForFile((c) => {
    core = c;
  });

  it('adds ★ and ♥ to the digits model, reports before/after, and flags a heart saved as ★', async () => {
    const set = await core.handlers['datasets:create']({ title: 'Symbols' });
    for (let i = 0; i < 10; i++) {
      for (const symbol of ['★', '♥'] as const)
        await core.handlers['samples:add']({
          datasetId: set.id,
          label: symbol,
          image: drawing(symbol, 100 + i + (symbol === '♥' ? 50 : 0)),
          strokes: [],
        });
    }
    const wrong = await core.handlers['samples:add']({
      datasetId: set.id,
      label: '★',
      image: drawing('♥', 999),
      strokes: [],
    });
    const { jobId } = await core.handlers['training:start'](
      fineTuneSpec(set.id, 'builtin-digits', { seed: 5, name: 'digits + symbols' }),
    );
    await core.services.jobs.idle();
    const end = events.find((e) => e.jobId === jobId && (e.type === 'done' || e.type === 'error'))!;
    expect(end.type, end.type === 'error' ? end.message : '').toBe('done');
    if (end.type !== 'done') return;
    expect(end.model.classes).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '★', '♥']);

    const report = end.model.fineTune!;
    expect(report.baseModelId).toBe('builtin-digits');
    expect(report.newClasses).toEqual(['★', '♥']);
    expect(report.base!.count).toBe(2000);
    expect(report.base!.after).toBeGreaterThan(report.base!.before - 0.02);
    // every 5th sample of each class is held out: 2 ★ + 2 ♥ (+ the 11th ★ is a training sample)
    expect(report.custom!.count).toBe(4);
    expect(report.custom!.before).toBe(0); // the base model has neither class
    expect(report.custom!.after).toBeGreaterThanOrEqual(0.75);

    expect(end.suspicious?.map((s) => s.id)).toContain(wrong.id);
    const flagged = end.suspicious!.find((s) => s.id === wrong.id)!;
    expect(flagged).toMatchObject({ label: '★', predicted: '♥' });

    // Stored with the model, shown by models:list.
    const listed = (await core.handlers['models:list'](undefined)).find((m) => m.id === end.model.id)!;
    expect(listed.fineTune).toEqual(report);

    // The flags are kept with the model for the Samples screen; a relabelled sample drops out.
    const review = await core.handlers['samples:suspicious']({ datasetId: set.id });
    expect(review?.modelId).toBe(end.model.id);
    expect(review?.samples.map((s) => s.id)).toContain(wrong.id);
    await core.handlers['samples:relabel']({ datasetId: set.id, id: wrong.id, label: '♥' });
    const after = await core.handlers['samples:suspicious']({ datasetId: set.id });
    expect(after?.samples.map((s) => s.id)).not.toContain(wrong.id);
    expect(report.replayedFrom).toBe('mnist');

    // Fine-tuning the fine-tuned model again on the same set still replays MNIST (its lineage's set).
    const again = await core.handlers['training:start'](fineTuneSpec(set.id, end.model.id, { seed: 6 }));
    await core.services.jobs.idle();
    const second = events.find((e) => e.jobId === again.jobId && (e.type === 'done' || e.type === 'error'))!;
    expect(second.type, second.type === 'error' ? second.message : '').toBe('done');
    if (second.type !== 'done') return;
    expect(second.model.classes).toEqual(end.model.classes);
    expect(second.model.fineTune).toMatchObject({
      newClasses: [],
      replayed: FINE_TUNE_RECIPE.replay,
      replayedFrom: 'mnist',
    });
    expect(second.model.fineTune!.base!.after).toBeGreaterThan(0.95);
  }, 120_000);
});
