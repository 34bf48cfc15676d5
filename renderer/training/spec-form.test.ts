import { describe, expect, it } from 'vitest';
import { trainingSpecSchema } from '../../app/shared/api';
import { preset } from '../../engine/presets';
import {
  defaultForm,
  defaultLayers,
  FINE_TUNE_FORM,
  type FieldProblem,
  FORM_EPOCHS,
  fieldProblems,
  formToSpec,
  layerRow,
  QUICK_TRY,
  quickTry,
  type TrainingForm,
  trainsToConvergence,
  withArchitecture,
  withBase,
  withOptimizer,
} from './spec-form';

/** The problems formToSpec finds in a form it must refuse. */
function refusal(form: TrainingForm): FieldProblem[] {
  const result = formToSpec(form);
  expect(result.ok).toBe(false);
  return result.ok ? [] : result.errors;
}

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
      augmentation: t.augment,
    });
    // A first press of Start is a short job: the preset's epochs, capped (10 epochs of 60,000 is not).
    expect(result.spec.epochs).toBe(Math.min(t.epochs, FORM_EPOCHS));
    expect(result.spec.epochs).toBeLessThan(t.epochs);
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

  it('reports each invalid field in words, tied to the field, never as schema text', () => {
    const errors = refusal({ ...defaultForm('mnist'), learningRate: 0, epochs: 0, validationSplit: 0.9 });
    expect(errors).toEqual([
      { field: 'learningRate', message: 'Learning rate must be a number above 0 and at most 10; 0 is not.' },
      { field: 'epochs', message: 'Epochs must be a whole number from 1 to 1,000; 0 is not.' },
      { field: 'validationSplit', message: 'Validation split must be between 0 and 0.5.' },
    ]);
    const text = errors.map((e) => e.message).join('\n');
    expect(text).not.toMatch(/expected|Too small|>=|invalid_type/);
  });

  it('says which field is empty and what it takes', () => {
    expect(refusal({ ...defaultForm('mnist'), batchSize: Number.NaN, epochs: 2.5, seed: -1 })).toEqual([
      { field: 'batchSize', message: 'Batch size is empty: enter a whole number from 1 to 4,096.' },
      { field: 'epochs', message: 'Epochs must be a whole number from 1 to 1,000; 2.5 is not.' },
      { field: 'seed', message: 'Seed must be a whole number from 0 to 4,294,967,295; -1 is not.' },
    ]);
    expect(fieldProblems({ ...defaultForm('mnist'), datasetId: '' })).toEqual([
      { field: 'datasetId', message: 'Choose a dataset.' },
    ]);
    // The step schedule's own numbers only count when it is picked.
    expect(fieldProblems({ ...defaultForm('mnist'), stepSize: 0 })).toEqual([]);
    expect(fieldProblems({ ...defaultForm('mnist'), schedule: 'step', stepSize: 0 })[0]?.field).toBe(
      'stepSize',
    );
  });

  it('refuses an empty custom layer list, and one that does not end in the output layer', () => {
    expect(formToSpec({ ...defaultForm('mnist'), architecture: 'custom', layers: [] }).ok).toBe(false);
    const custom = { ...defaultForm('mnist'), architecture: 'custom', layers: defaultLayers(26) };
    expect(formToSpec(custom, 26).ok).toBe(true);
    const wrong = formToSpec(custom, 10);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok)
      expect(wrong.errors[0]).toMatchObject({
        field: 'layers',
        message: expect.stringMatching(/Dense with 10 units/),
      });
  });

  it('puts label smoothing in the spec only when it is set, and refuses more than 0.5', () => {
    const plain = formToSpec(defaultForm('letters'));
    expect(plain.ok && plain.spec.labelSmoothing).toBe(undefined);
    const smoothed = formToSpec({ ...defaultForm('letters'), labelSmoothing: 0.2 });
    expect(smoothed.ok && smoothed.spec.labelSmoothing).toBe(0.2);
    const tooMuch = formToSpec({ ...defaultForm('letters'), labelSmoothing: 0.8 });
    expect(tooMuch.ok).toBe(false);
    if (!tooMuch.ok)
      expect(tooMuch.errors).toEqual([
        { field: 'labelSmoothing', message: 'Label smoothing must be between 0 and 0.5.' },
      ]);
  });

  it('sends the chosen loss; the classic preset picks squared error and keeps its epoch cap (it stops at convergence)', () => {
    const plain = formToSpec(defaultForm('mnist'));
    expect(plain.ok && plain.spec.loss).toBe('cross-entropy');
    const mse = formToSpec({ ...defaultForm('mnist'), loss: 'mse', labelSmoothing: 0.2 });
    expect(mse.ok && mse.spec.loss).toBe('mse');
    // Label smoothing belongs to cross-entropy: not sent with squared error.
    expect(mse.ok && mse.spec.labelSmoothing).toBe(undefined);

    const classic = withArchitecture(defaultForm('mnist'), 'classic');
    expect(classic).toMatchObject({ loss: 'mse', optimizer: 'sgd', schedule: 'constant' });
    expect(classic.epochs).toBe(preset('classic', { classes: 10 }).training.epochs);
    expect(trainsToConvergence('classic')).toBe(true);
    expect(trainsToConvergence('mlp')).toBe(false);
    const spec = formToSpec(classic);
    expect(spec.ok && trainingSpecSchema.safeParse(spec.spec).success).toBe(true);
    // Back to a modern preset: cross-entropy again, and the form's short first run.
    expect(withArchitecture(classic, 'mlp')).toMatchObject({ loss: 'cross-entropy', epochs: 3 });
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
    expect(scratch.epochs).toBe(Math.min(FORM_EPOCHS, preset('mlp', { classes: 10 }).training.epochs));
  });
});

describe('quickTry', () => {
  it('sets up a small perceptron run on a few thousand images, from scratch, keeping the dataset and name', () => {
    const form = withBase(
      { ...defaultForm('letters'), architecture: 'cnn', name: 'mine' },
      'builtin-letters',
      26,
    );
    const quick = quickTry(form, 26);
    const result = formToSpec(quick, 26);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.spec).toMatchObject({
      datasetId: 'letters',
      architecture: QUICK_TRY.architecture,
      epochs: QUICK_TRY.epochs,
      limit: QUICK_TRY.limit,
      augmentation: false,
      name: 'mine',
    });
    expect(result.spec.baseModelId).toBeUndefined();
  });
});
