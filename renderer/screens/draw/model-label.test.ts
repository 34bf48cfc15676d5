import { describe, expect, it } from 'vitest';
import type { ModelSummary } from '../../../app/shared/types';
import { MIN_MEASURED } from '../../components/measured-figures';
import { modelLabel, testedCount } from './model-label';

function model(metrics: ModelSummary['metrics'], extra: Partial<ModelSummary> = {}): ModelSummary {
  return {
    id: 'm',
    name: 'Mine',
    datasetId: 'mnist',
    task: 'digits',
    classes: ['0', '1'],
    architecture: 'mlp',
    parameters: 10,
    createdAt: '2026-01-01T00:00:00.000Z',
    metrics,
    builtin: false,
    ...extra,
  };
}

describe('modelLabel', () => {
  it('shows the test accuracy when measured on enough images', () => {
    expect(modelLabel(model({ testAccuracy: 0.9886, evaluatedOn: 'mnist test split, 10,000 images' }))).toBe(
      'Mine · mlp · 98.9%',
    );
    expect(
      modelLabel(model({ testAccuracy: 0.5, evaluatedOn: `x test split, ${MIN_MEASURED} images` })),
    ).toBe('Mine · mlp · 50.0%');
  });

  it('shows the count instead of a percentage below 50 test images', () => {
    expect(modelLabel(model({ testAccuracy: 1, evaluatedOn: 'stars test split, 2 images' }))).toBe(
      'Mine · mlp · tested on 2 images',
    );
    expect(modelLabel(model({ testAccuracy: 1, evaluatedOn: 'stars test split, 1 images' }))).toBe(
      'Mine · mlp · tested on 1 image',
    );
  });

  it('shows no figure for an untested model', () => {
    expect(modelLabel(model({}))).toBe('Mine · mlp');
  });

  it('reads the count from a fine-tuned model when the card does not say it', () => {
    const fineTune = {
      baseModelId: 'b',
      baseModelName: 'B',
      newClasses: ['★'],
      custom: { on: '2 held-out samples', count: 2, before: 0, after: 1 },
      layers: 'head' as const,
      customSamples: 10,
      copies: 4,
      replayed: 0,
      seconds: 5,
    };
    expect(testedCount(model({ testAccuracy: 1 }, { fineTune }))).toBe(2);
    expect(modelLabel(model({ testAccuracy: 1 }, { fineTune }))).toBe('Mine · mlp · tested on 2 images');
  });
});
