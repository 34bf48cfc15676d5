import { describe, expect, it } from 'vitest';
import { trainingSpecSchema } from '../../app/shared/api';
import { preset } from '../../engine/presets';
import {
  defaultForm,
  defaultLayers,
  FINE_TUNE_FORM,
  formToSpec,
  layerRow,
  withBase,
  withOptimizer,
} from './spec-form';

describe('formToSpec', () => {
  it('turns the default form into a valid TrainingSpec', () => {
    const result = formToSpec(defaultForm('mnist'));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(trainingSpecSchema.safeParse(result.spec).success).toBe(true);
    // The MLP preset's own training settings, as the engine recommends them.
    const t = preset('mlp', { classes: 10 }).training;
    expect(result.spec).toMatchObject({
      datasetId: 'mnist',
      architecture: 'mlp',
      optimizer: t.optimizer,
      learningRate: t.learningRate,
      schedule: t.schedule,
      epochs: t.epochs,
      augmentation: t.augment,
    });
    expect(result.spec.layers).toBeUndefined();
    expect(result.spec.limit).toBeUndefined();
  });

  it('carries custom layers, the step schedule, a limit and a trimmed name', () => {
    const form = {
      ...defaultForm('letters'),
      architecture: 'custom',
      layers: [layerRow('conv2d', { filters: 8 }), layerRow('relu'), layerRow('flatten'), layerRow('dense')],
      schedule: 'step',
      stepSize: 2,
      gamma: 0.3,
      limit: 500,
      name: '  quick  ',
    };
    const result = formToSpec(form);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec.layers?.map((l) => l.type)).toEqual(['conv2d', 'relu', 'flatten', 'dense']);
    expect(result.spec.layers?.[0]?.config.filters).toBe(8);
    expect(result.spec.schedule).toEqual({ type: 'step', config: { stepSize: 2, gamma: 0.3 } });
    expect(result.spec.limit).toBe(500);
    expect(result.spec.name).toBe('quick');
    expect(trainingSpecSchema.safeParse(result.spec).success).toBe(true);
  });

  it('reports invalid fields by name', () => {
    const result = formToSpec({ ...defaultForm('mnist'), learningRate: 0, epochs: 0, validationSplit: 0.9 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join('\n')).toMatch(/Learning rate/);
    expect(result.errors.join('\n')).toMatch(/Epochs/);
    expect(result.errors.join('\n')).toMatch(/Validation split/);
  });

  it('refuses an empty custom layer list, and one that does not end in the output layer', () => {
    expect(formToSpec({ ...defaultForm('mnist'), architecture: 'custom', layers: [] }).ok).toBe(false);
    const custom = { ...defaultForm('mnist'), architecture: 'custom', layers: defaultLayers(26) };
    expect(formToSpec(custom, 26).ok).toBe(true);
    const wrong = formToSpec(custom, 10);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.errors.join()).toMatch(/Dense with 10 units/);
  });

  it('puts label smoothing in the spec only when it is set, and refuses more than 0.5', () => {
    const plain = formToSpec(defaultForm('letters'));
    expect(plain.ok && plain.spec.labelSmoothing).toBe(undefined);
    const smoothed = formToSpec({ ...defaultForm('letters'), labelSmoothing: 0.2 });
    expect(smoothed.ok && smoothed.spec.labelSmoothing).toBe(0.2);
    const tooMuch = formToSpec({ ...defaultForm('letters'), labelSmoothing: 0.8 });
    expect(tooMuch.ok).toBe(false);
    if (!tooMuch.ok) expect(tooMuch.errors.join()).toMatch(/Label smoothing/);
  });

  it('picking an optimizer picks its usual learning rate', () => {
    expect(withOptimizer(defaultForm('mnist'), 'sgd').learningRate).toBe(0.05);
  });
});

describe('withBase', () => {
  it('proposes the fine-tuning recipe for a base model and the preset again for scratch', () => {
    const form = { ...defaultForm('custom-stars'), limit: 500 };
    const tuned = withBase(form, 'builtin-digits');
    const result = formToSpec(tuned);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec).toMatchObject({
      baseModelId: 'builtin-digits',
      optimizer: { type: 'adam', config: {} },
      learningRate: FINE_TUNE_FORM.learningRate,
      schedule: { type: 'cosine', config: { minFactor: 0.05 } },
      epochs: FINE_TUNE_FORM.epochs,
      augmentation: true,
      validationSplit: 0,
    });
    expect(result.spec.limit).toBeUndefined();
    const scratch = withBase(tuned, '');
    expect(scratch.baseModelId).toBe('');
    expect(scratch.epochs).toBe(preset('mlp', { classes: 10 }).training.epochs);
  });
});
