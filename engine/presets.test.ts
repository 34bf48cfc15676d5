import { describe, expect, it } from 'vitest';
import './layers/index';
import { Sequential } from './model';
import { PRESET_IDS, preset, presets } from './presets';
import { Rng } from './rng';

/** Builds the preset's model and returns its output shape. */
function outputShape(
  id: (typeof PRESET_IDS)[number],
  classes: number,
  inputShape?: number[],
): readonly number[] {
  return new Sequential(preset(id, { classes, inputShape }).model, new Rng(1)).outputShape;
}

describe('presets', () => {
  it('keeps its stable ids in menu order', () => {
    expect(PRESET_IDS).toEqual(['mlp', 'lenet', 'cnn', 'recurrent', 'classic']);
    expect(presets({ classes: 10 }).map((p) => p.id)).toEqual([...PRESET_IDS]);
  });

  it('builds every preset for digits, letters and a custom class count, ending in one score per class', () => {
    for (const id of PRESET_IDS) {
      for (const classes of [10, 26, 3]) expect(outputShape(id, classes)).toEqual([classes]);
    }
  });

  it('takes the input shape', () => {
    expect(outputShape('mlp', 10, [1, 16, 16])).toEqual([10]);
    expect(preset('cnn', { classes: 10, inputShape: [1, 32, 32] }).model.inputShape).toEqual([1, 32, 32]);
  });

  it('gives every preset training defaults and names', () => {
    for (const p of presets({ classes: 26 })) {
      expect(p.name.length).toBeGreaterThan(0);
      expect(p.training.batchSize).toBeGreaterThan(0);
      expect(p.training.learningRate).toBeGreaterThan(0);
    }
    expect(preset('cnn', { classes: 10 }).training.augment).toBe(true);
  });

  it('makes the classic preset the textbook network: sigmoid units, squared error, plain SGD at a fixed rate, until convergence', () => {
    const p = preset('classic', { classes: 10 });
    expect(p.model.layers.map((l) => l.type)).toEqual(['flatten', 'dense', 'sigmoid', 'dense']);
    expect(p.training.loss).toEqual({ type: 'meanSquaredError', config: { sigmoid: true } });
    expect(p.training.optimizer.type).toBe('sgd');
    expect(p.training.schedule.type).toBe('constant');
    expect(p.training.earlyStopping?.patience).toBeGreaterThanOrEqual(1);
  });

  it('rejects fewer than two classes', () => {
    expect(() => preset('mlp', { classes: 1 })).toThrow(/classes/);
  });
});
