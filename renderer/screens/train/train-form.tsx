// The training form: dataset, architecture, optimizer, schedule and the run's numbers.

import type { InputHTMLAttributes } from 'react';
import type { DatasetInfo, ModelSummary } from '../../../app/shared/types';
import { ChoiceField, ChoiceOptions, Field } from '../../components/field';
import {
  type FieldProblem,
  type FormField,
  LOSSES,
  OPTIMIZERS,
  PRESETS,
  recipeEpochs,
  SCHEDULES,
  type TrainingForm,
  trainsToConvergence,
  withArchitecture,
  withBase,
  withOptimizer,
} from '../../training/spec-form';
import { LayerEditor } from './layer-editor';

interface Props {
  form: TrainingForm;
  onChange: (form: TrainingForm) => void;
  datasets: DatasetInfo[];
  models: ModelSummary[];
  disabled: boolean;
  /** Problems found at the last start, each shown beside its field (the field is marked invalid). */
  problems?: FieldProblem[];
}

export function TrainFormView({ form, onChange, datasets, models, disabled, problems = [] }: Props) {
  const problemOf = (field: FormField) => problems.find((p) => p.field === field);
  /** What marks a control: its field name (to focus it), invalid and described by its message. */
  const marks = (field: FormField, helpId?: string) => {
    const problem = problemOf(field);
    const ids = [problem ? `train-error-${field}` : '', helpId ?? ''].filter(Boolean).join(' ');
    return {
      'data-field': field,
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': ids || undefined,
    };
  };
  const error = (field: FormField) => {
    const problem = problemOf(field);
    return problem ? (
      <span className="field-error" id={`train-error-${field}`}>
        {problem.message}
      </span>
    ) : null;
  };
  const set = <K extends keyof TrainingForm>(key: K, value: TrainingForm[K]) =>
    onChange({ ...form, [key]: value });
  const dataset = datasets.find((d) => d.id === form.datasetId);
  // A custom set can extend any model (the digits model learns ★); a bundled set, its own models.
  const bases = dataset?.custom ? models : models.filter((m) => m.datasetId === form.datasetId);
  const preset = PRESETS.find((p) => p.id === form.architecture);
  const fullRecipe = form.baseModelId ? null : recipeEpochs(form.architecture, dataset?.classes.length);
  const recipe = fullRecipe !== null && fullRecipe !== form.epochs ? `${fullRecipe} epochs` : null;
  const converges = !form.baseModelId && form.validationSplit > 0 && trainsToConvergence(form.architecture);
  const epochsHelp: FieldHelp | undefined = recipe
    ? { id: 'train-epochs-help', text: `The preset’s full recipe: ${recipe}` }
    : converges
      ? {
          id: 'train-epochs-converge',
          text: 'At most: training stops when the validation error stops improving.',
        }
      : undefined;
  // Fine-tuning: the (disabled) select shows the base model's architecture, not the form's last pick.
  const base = form.baseModelId ? models.find((m) => m.id === form.baseModelId) : undefined;
  const shownArchitecture = base
    ? PRESETS.some((p) => p.id === base.architecture)
      ? base.architecture
      : 'custom'
    : form.architecture;
  /** A number of the run: its input is `train-<key>`, marked and described like every field's. */
  const numberField = (key: NumberKey, label: string, limits: NumberLimits, help?: FieldHelp) => (
    <Field htmlFor={`train-${key}`} label={label} helpId={help?.id} help={help?.text} error={error(key)}>
      <input
        id={`train-${key}`}
        type="number"
        {...limits}
        value={numValue(form[key])}
        onChange={(e) => set(key, e.target.valueAsNumber)}
        {...marks(key, help?.id)}
      />
    </Field>
  );
  /** A 0…max slider in steps of 0.05 with its value shown beside it; the label wraps it. */
  const rangeField = (key: RangeKey, label: string, max: number, shown: string, title?: string) => (
    <label className="field">
      <span className="field-label">{label}</span>
      <span className="range-with-value">
        <input
          type="range"
          min={0}
          max={max}
          step={0.05}
          value={form[key]}
          onChange={(e) => set(key, e.target.valueAsNumber)}
          aria-label={label}
          title={title}
          {...marks(key)}
        />
        <output>{shown}</output>
      </span>
      {error(key)}
    </label>
  );

  return (
    <fieldset className="train-form" disabled={disabled}>
      <legend className="sr-only">Training settings</legend>
      <div className="form-grid">
        <Field
          htmlFor="train-dataset"
          label="Dataset"
          className="field-wide"
          helpId="train-dataset-help"
          help={dataset ? datasetSize(dataset) : ''}
          error={error('datasetId')}
        >
          {/* The name alone in the select (it fits whole); its size on the line below. */}
          <select
            id="train-dataset"
            value={form.datasetId}
            title={dataset ? `${dataset.title}: ${datasetSize(dataset)}` : undefined}
            onChange={(e) => onChange({ ...form, datasetId: e.target.value, baseModelId: '' })}
            {...marks('datasetId', 'train-dataset-help')}
          >
            <ChoiceOptions choices={datasets} />
          </select>
        </Field>
        <Field
          htmlFor="train-architecture"
          label="Architecture"
          className="field-wide"
          helpId="train-architecture-help"
          help={
            form.baseModelId
              ? `Fine-tuning keeps the base model’s architecture (${base?.architecture ?? 'its own'}).`
              : preset?.description
          }
        >
          <select
            id="train-architecture"
            aria-describedby="train-architecture-help"
            value={shownArchitecture}
            disabled={form.baseModelId !== ''}
            onChange={(e) => onChange(withArchitecture(form, e.target.value, dataset?.classes.length))}
          >
            <ChoiceOptions choices={PRESETS} />
          </select>
        </Field>
        <Field
          htmlFor="train-base"
          label="Start from"
          className="field-wide"
          helpId="train-base-help"
          help={
            form.baseModelId
              ? 'Keeps the learned features and classes, adds this set’s classes, replays some of the base data so the old classes are not forgotten, and trains the dense head on your samples and augmented copies of them.'
              : 'A new network, trained on this dataset only.'
          }
        >
          <select
            id="train-base"
            value={form.baseModelId}
            aria-describedby="train-base-help"
            onChange={(e) => onChange(withBase(form, e.target.value, dataset?.classes.length))}
          >
            <option value="">Scratch</option>
            <ChoiceOptions choices={bases.map((m) => ({ id: m.id, title: `Fine-tune ${m.name}` }))} />
          </select>
        </Field>
      </div>
      {form.architecture === 'custom' && (
        <LayerEditor layers={form.layers} onChange={(layers) => set('layers', layers)} />
      )}
      <div className="form-grid">
        <ChoiceField
          label="Optimizer"
          value={form.optimizer}
          choices={OPTIMIZERS}
          onChange={(id) => onChange(withOptimizer(form, id))}
        />
        <ChoiceField label="Loss" value={form.loss} choices={LOSSES} onChange={(loss) => set('loss', loss)} />
        {numberField('learningRate', 'Learning rate', { step: 'any', min: 0 })}
        <ChoiceField
          label="Schedule"
          value={form.schedule}
          choices={SCHEDULES}
          onChange={(schedule) => onChange({ ...form, schedule, scheduleConfig: {} })}
        />
        {form.schedule === 'step' && (
          <>
            {numberField('stepSize', 'Every (epochs)', { min: 1 })}
            {numberField('gamma', 'Multiply by', { step: 'any', min: 0 })}
          </>
        )}
        {numberField('batchSize', 'Batch size', { min: 1, max: 4096 })}
        {numberField('epochs', 'Epochs', { min: 1, max: 1000 }, epochsHelp)}
        {rangeField('validationSplit', 'Validation split', 0.5, `${Math.round(form.validationSplit * 100)}%`)}
        {/* Label smoothing softens cross-entropy's targets; squared error has none to soften. */}
        {form.loss === 'cross-entropy' &&
          rangeField(
            'labelSmoothing',
            'Label smoothing',
            0.3,
            form.labelSmoothing.toFixed(2),
            'Training targets keep this share off the true class: a less over-confident model, which says Not sure more often and is right more often when it answers',
          )}
        {numberField('seed', 'Seed', { min: 0 })}
        {numberField(
          'limit',
          'Limit images (0 = all)',
          { min: 0, 'aria-label': 'Limit' },
          { id: 'train-limit-help', text: 'Training images only; the test is on the whole test split.' },
        )}
        <Field htmlFor="train-name" label="Name" error={error('name')}>
          <input
            id="train-name"
            type="text"
            value={form.name}
            placeholder="optional"
            onChange={(e) => set('name', e.target.value)}
            {...marks('name')}
          />
        </Field>
        <label className="field field-check">
          <input
            type="checkbox"
            checked={form.augmentation}
            onChange={(e) => set('augmentation', e.target.checked)}
          />
          <span>Augmentation (shift, rotate, scale, elastic)</span>
        </label>
      </div>
    </fieldset>
  );
}

/** The form's numbers, each typed into a number input. */
type NumberKey = 'learningRate' | 'batchSize' | 'epochs' | 'seed' | 'limit' | 'stepSize' | 'gamma';
/** The form's shares, each set with a slider. */
type RangeKey = 'validationSplit' | 'labelSmoothing';
type NumberLimits = Pick<InputHTMLAttributes<HTMLInputElement>, 'min' | 'max' | 'step' | 'aria-label'>;
/** A line under a field, and its id (the field's control is described by it). */
interface FieldHelp {
  id: string;
  text: string;
}

/** "10 classes · 60,000 training and 10,000 test images" (custom sets: saved samples). */
export function datasetSize(d: DatasetInfo): string {
  const classes = `${d.classes.length} ${d.classes.length === 1 ? 'class' : 'classes'}`;
  if (d.custom) return `${classes} · ${d.sizes.train.toLocaleString()} samples`;
  return `${classes} · ${d.sizes.train.toLocaleString()} training and ${d.sizes.test.toLocaleString()} test images`;
}

function numValue(v: number): number | string {
  return Number.isFinite(v) ? v : '';
}
