// The training form: dataset, architecture, optimizer, schedule and the run's numbers.

import type { DatasetInfo, ModelSummary } from '../../../app/shared/types';
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
  const num =
    (key: 'learningRate' | 'batchSize' | 'epochs' | 'seed' | 'limit' | 'stepSize' | 'gamma') =>
    (e: React.ChangeEvent<HTMLInputElement>) =>
      set(key, e.target.valueAsNumber);
  const dataset = datasets.find((d) => d.id === form.datasetId);
  // A custom set can extend any model (the digits model learns ★); a bundled set, its own models.
  const bases = dataset?.custom ? models : models.filter((m) => m.datasetId === form.datasetId);
  const preset = PRESETS.find((p) => p.id === form.architecture);
  const fullRecipe = form.baseModelId ? null : recipeEpochs(form.architecture, dataset?.classes.length);
  const recipe = fullRecipe !== null && fullRecipe !== form.epochs ? `${fullRecipe} epochs` : null;
  const converges = !form.baseModelId && form.validationSplit > 0 && trainsToConvergence(form.architecture);
  const epochsHelp = recipe ? 'train-epochs-help' : converges ? 'train-epochs-converge' : undefined;
  // Fine-tuning: the (disabled) select shows the base model's architecture, not the form's last pick.
  const base = form.baseModelId ? models.find((m) => m.id === form.baseModelId) : undefined;
  const shownArchitecture = base
    ? PRESETS.some((p) => p.id === base.architecture)
      ? base.architecture
      : 'custom'
    : form.architecture;

  return (
    <fieldset className="train-form" disabled={disabled}>
      <legend className="sr-only">Training settings</legend>
      <div className="form-grid">
        <div className="field field-wide">
          <label className="field-label" htmlFor="train-dataset">
            Dataset
          </label>
          {/* The name alone in the select (it fits whole); its size on the line below. */}
          <select
            id="train-dataset"
            value={form.datasetId}
            title={dataset ? `${dataset.title}: ${datasetSize(dataset)}` : undefined}
            onChange={(e) => onChange({ ...form, datasetId: e.target.value, baseModelId: '' })}
            {...marks('datasetId', 'train-dataset-help')}
          >
            {datasets.map((d) => (
              <option key={d.id} value={d.id}>
                {d.title}
              </option>
            ))}
          </select>
          <span className="field-help" id="train-dataset-help">
            {dataset ? datasetSize(dataset) : ''}
          </span>
          {error('datasetId')}
        </div>
        <div className="field field-wide">
          <label className="field-label" htmlFor="train-architecture">
            Architecture
          </label>
          <select
            id="train-architecture"
            aria-describedby="train-architecture-help"
            value={shownArchitecture}
            disabled={form.baseModelId !== ''}
            onChange={(e) =>
              onChange(
                withArchitecture(
                  form,
                  e.target.value,
                  datasets.find((d) => d.id === form.datasetId)?.classes.length,
                ),
              )
            }
          >
            {PRESETS.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
          <span className="field-help" id="train-architecture-help">
            {form.baseModelId
              ? `Fine-tuning keeps the base model’s architecture (${base?.architecture ?? 'its own'}).`
              : preset?.description}
          </span>
        </div>
        <div className="field field-wide">
          <label className="field-label" htmlFor="train-base">
            Start from
          </label>
          <select
            id="train-base"
            value={form.baseModelId}
            aria-describedby="train-base-help"
            onChange={(e) => onChange(withBase(form, e.target.value, dataset?.classes.length))}
          >
            <option value="">Scratch</option>
            {bases.map((m) => (
              <option key={m.id} value={m.id}>
                Fine-tune {m.name}
              </option>
            ))}
          </select>
          <span className="field-help" id="train-base-help">
            {form.baseModelId
              ? 'Keeps the learned features and classes, adds this set’s classes, replays some of the base data so the old classes are not forgotten, and trains the dense head on your samples and augmented copies of them.'
              : 'A new network, trained on this dataset only.'}
          </span>
        </div>
      </div>
      {form.architecture === 'custom' && (
        <LayerEditor layers={form.layers} onChange={(layers) => set('layers', layers)} />
      )}
      <div className="form-grid">
        <label className="field">
          <span className="field-label">Optimizer</span>
          <select value={form.optimizer} onChange={(e) => onChange(withOptimizer(form, e.target.value))}>
            {OPTIMIZERS.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Loss</span>
          <select
            value={form.loss}
            onChange={(e) => onChange({ ...form, loss: e.target.value as TrainingForm['loss'] })}
          >
            {LOSSES.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <label className="field-label" htmlFor="train-learningRate">
            Learning rate
          </label>
          <input
            id="train-learningRate"
            type="number"
            step="any"
            min={0}
            value={numValue(form.learningRate)}
            onChange={num('learningRate')}
            {...marks('learningRate')}
          />
          {error('learningRate')}
        </div>
        <label className="field">
          <span className="field-label">Schedule</span>
          <select
            value={form.schedule}
            onChange={(e) => onChange({ ...form, schedule: e.target.value, scheduleConfig: {} })}
          >
            {SCHEDULES.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        {form.schedule === 'step' && (
          <>
            <div className="field">
              <label className="field-label" htmlFor="train-stepSize">
                Every (epochs)
              </label>
              <input
                id="train-stepSize"
                type="number"
                min={1}
                value={numValue(form.stepSize)}
                onChange={num('stepSize')}
                {...marks('stepSize')}
              />
              {error('stepSize')}
            </div>
            <div className="field">
              <label className="field-label" htmlFor="train-gamma">
                Multiply by
              </label>
              <input
                id="train-gamma"
                type="number"
                step="any"
                min={0}
                value={numValue(form.gamma)}
                onChange={num('gamma')}
                {...marks('gamma')}
              />
              {error('gamma')}
            </div>
          </>
        )}
        <div className="field">
          <label className="field-label" htmlFor="train-batchSize">
            Batch size
          </label>
          <input
            id="train-batchSize"
            type="number"
            min={1}
            max={4096}
            value={numValue(form.batchSize)}
            onChange={num('batchSize')}
            {...marks('batchSize')}
          />
          {error('batchSize')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="train-epochs">
            Epochs
          </label>
          <input
            id="train-epochs"
            type="number"
            min={1}
            max={1000}
            value={numValue(form.epochs)}
            onChange={num('epochs')}
            {...marks('epochs', epochsHelp)}
          />
          {recipe === null && converges && (
            <span className="field-help" id="train-epochs-converge">
              At most: training stops when the validation error stops improving.
            </span>
          )}
          {recipe !== null && (
            <span className="field-help" id="train-epochs-help">
              The preset’s full recipe: {recipe}
            </span>
          )}
          {error('epochs')}
        </div>
        <RangeField
          field="validationSplit"
          error={problemOf('validationSplit')?.message}
          label="Validation split"
          max={0.5}
          value={form.validationSplit}
          onChange={(v) => set('validationSplit', v)}
          shown={`${Math.round(form.validationSplit * 100)}%`}
        />
        {/* Label smoothing softens cross-entropy's targets; squared error has none to soften. */}
        {form.loss === 'cross-entropy' && (
          <RangeField
            field="labelSmoothing"
            error={problemOf('labelSmoothing')?.message}
            label="Label smoothing"
            max={0.3}
            value={form.labelSmoothing}
            onChange={(v) => set('labelSmoothing', v)}
            shown={form.labelSmoothing.toFixed(2)}
            title="Training targets keep this share off the true class: a less over-confident model, which says Not sure more often and is right more often when it answers"
          />
        )}
        <div className="field">
          <label className="field-label" htmlFor="train-seed">
            Seed
          </label>
          <input
            id="train-seed"
            type="number"
            min={0}
            value={numValue(form.seed)}
            onChange={num('seed')}
            {...marks('seed')}
          />
          {error('seed')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="train-limit">
            Limit images (0 = all)
          </label>
          <input
            id="train-limit"
            type="number"
            min={0}
            value={numValue(form.limit)}
            onChange={num('limit')}
            aria-label="Limit"
            {...marks('limit', 'train-limit-help')}
          />
          <span className="field-help" id="train-limit-help">
            Training images only; the test is on the whole test split.
          </span>
          {error('limit')}
        </div>
        <div className="field">
          <label className="field-label" htmlFor="train-name">
            Name
          </label>
          <input
            id="train-name"
            type="text"
            value={form.name}
            placeholder="optional"
            onChange={(e) => set('name', e.target.value)}
            {...marks('name')}
          />
          {error('name')}
        </div>
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

/** A 0…max slider in steps of 0.05 with its value shown beside it. */
function RangeField(props: {
  field: FormField;
  error?: string;
  label: string;
  max: number;
  value: number;
  onChange: (value: number) => void;
  shown: string;
  title?: string;
}) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <span className="range-with-value">
        <input
          type="range"
          min={0}
          max={props.max}
          step={0.05}
          value={props.value}
          onChange={(e) => props.onChange(e.target.valueAsNumber)}
          aria-label={props.label}
          title={props.title}
          data-field={props.field}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={props.error ? `train-error-${props.field}` : undefined}
        />
        <output>{props.shown}</output>
      </span>
      {props.error && (
        <span className="field-error" id={`train-error-${props.field}`}>
          {props.error}
        </span>
      )}
    </label>
  );
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
