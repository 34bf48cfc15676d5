// Train: a sticky bar with the run's status, progress and actions (always in view at 1280×800);
// settings on the left; live curves and the final evaluation on the right.

import { useEffect, useRef, useState } from 'react';
import type {
  DatasetInfo,
  ModelSummary,
  RecipeSummary,
  ThreadsSetting,
  TrainingSpec,
} from '../../../app/shared/types';
import { api } from '../../api';
import { FineTuneFigures } from '../../components/fine-tune-figures';
import { taskTitle } from '../../components/task-switcher';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/use-api';
import { recipeRequest } from '../../training/recipe-choice';
import {
  defaultForm,
  type FieldProblem,
  formToSpec,
  PRESETS,
  QUICK_TRY,
  quickTry,
  type TrainingForm,
} from '../../training/spec-form';
import { type PendingStart, progressLine, shownTraining, statusTitle } from '../../training/training-store';
import { Curves } from './curves';
import { EvaluationView } from './evaluation-view';
import { type RecipeChoice, RecipeOrForm } from './recipe-view';
import { ThreadsField, ThreadsLine } from './threads-field';
import { TrainFormView } from './train-form';

/** The form outlives the screen (tab switches), for the session. Only this screen reads or writes it. */
let remembered: TrainingForm | null = null;
/** The chosen built-in recipe ('' for none) and its model's name, remembered the same way. */
let rememberedRecipe: RecipeChoice = { id: '', name: '' };
/** The advanced Threads setting, remembered the same way. */
let rememberedThreads: ThreadsSetting = 'auto';

export function TrainScreen() {
  const app = useApp();
  const { datasets, models, datasetId, notify, setScreen, navigate, visit } = app;
  const [form, setForm] = useState<TrainingForm>(() => {
    // Opened for a task (Draw's "Train one"): the remembered form, set to train that task from scratch.
    const task = visit.screen === 'train' ? visit.datasetId : undefined;
    if (!task) return remembered ?? defaultForm(datasetId);
    return { ...(remembered ?? defaultForm(task)), datasetId: task, baseModelId: '' };
  });
  const [errors, setErrors] = useState<FieldProblem[]>([]);
  const [recipes, setRecipes] = useState<RecipeSummary[]>([]);
  const [recipeChoice, setRecipeChoice] = useState(rememberedRecipe);
  const recipe = recipes.find((r) => r.id === recipeChoice.id);
  const [threads, setThreads] = useState<ThreadsSetting>(rememberedThreads);
  const [cores, setCores] = useState<number | null>(null);
  useEffect(() => {
    rememberedThreads = threads;
  }, [threads]);
  useEffect(() => {
    let live = true;
    api()
      .app.info()
      .then((info) => live && setCores(info.cores))
      .catch(() => {}); // the setting then offers Auto and 1 only
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    let live = true;
    api()
      .recipes.list()
      .then((list) => live && setRecipes(list))
      .catch((e: unknown) => notify('error', errorMessage(e)));
    return () => {
      live = false;
    };
  }, [notify]);
  useEffect(() => {
    rememberedRecipe = recipeChoice;
  }, [recipeChoice]);
  const [pending, setPending] = useState<PendingStart | null>(null);
  const settings = useRef<HTMLElement>(null);
  const training = shownTraining(app.training, pending);
  // The new job is on screen once its `started` event has arrived: nothing is pending any more.
  useEffect(() => {
    if (pending?.jobId && app.training.jobId === pending.jobId) setPending(null);
  }, [pending, app.training.jobId]);
  useEffect(() => {
    remembered = form;
  }, [form]);
  useEffect(() => {
    if (!form.datasetId && datasetId) setForm((f) => ({ ...f, datasetId }));
  }, [datasetId, form.datasetId]);

  const running = training.state !== 'idle';
  const classCount = datasets.items.find((d) => d.id === form.datasetId)?.classes.length;
  // The model just trained is the one Draw shows: activate it, then show Draw on its task.
  const tryOnDraw = (model: ModelSummary) =>
    api()
      .models.activate({ id: model.id })
      .then(() => navigate({ screen: 'draw', datasetId: model.datasetId }))
      .catch((e: unknown) => notify('error', errorMessage(e)));
  const send = async (request: TrainingSpec) => {
    const spec: TrainingSpec = threads === 'auto' ? request : { ...request, threads };
    setErrors([]);
    setPending({ jobId: null, spec });
    try {
      const { jobId } = await api().training.start(spec);
      setPending((p) => (p ? { ...p, jobId } : p));
    } catch (e) {
      setPending(null);
      setErrors([{ field: 'form', message: errorMessage(e) }]);
    }
  };
  const start = async (chosen: TrainingForm) => {
    if (recipe) return send(recipeRequest(recipe, recipeChoice.name));
    const result = formToSpec(chosen, classCount);
    if (!result.ok) {
      setErrors(result.errors);
      // Show the first marked field (the form may be scrolled away from it).
      const first = result.errors[0]?.field;
      const el = settings.current?.querySelector<HTMLElement>(`[data-field="${first}"]`);
      el?.focus();
      return;
    }
    return send(result.spec);
  };
  const startQuickTry = () => {
    const quick = quickTry(form, classCount);
    setForm(quick);
    start(quick);
  };
  const control = (verb: 'pause' | 'resume' | 'cancel') =>
    api()
      .training[verb]()
      .catch((e: unknown) => notify('error', errorMessage(e)));

  const p = training.progress;
  const outcome = training.outcome;
  const formErrors = errors.filter((e) => e.field === 'form' || e.field === 'layers');
  const showRun = training.jobId !== null || outcome.kind !== 'none' || training.state !== 'idle';
  return (
    <div className="train-screen">
      {/* Sticky: the primary action and the progress stay in view however far the form scrolls. */}
      <section className="card train-bar" aria-label="Training status">
        <div className="train-bar-status">
          <div className="progress-head">
            <span className="progress-title">
              {showRun ? statusTitle(training) : 'Ready'}
              {training.spec ? ` · ${runTitle(training.spec, datasets.items, models.items)}` : ''}
            </span>
            <span className="muted">
              {showRun ? progressLine(training) : 'Set up a run below, or try one in about 10 seconds.'}
            </span>
            {(running || outcome.kind === 'done') && <ThreadsLine threads={p?.threads} running={running} />}
          </div>
          <div
            className="progress"
            role="progressbar"
            aria-label="Training progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round((p?.fraction ?? 0) * 100)}
          >
            <div className="progress-fill" style={{ transform: `scaleX(${p?.fraction ?? 0})` }} />
          </div>
        </div>
        {/* Keys: each action is its own element. Reused, a hovered Cancel became Start training in
            place and its background faded from white to the accent under white text (a blank
            white button after a cancel). */}
        <div className="actions">
          {!running ? (
            <>
              {/* A quick try is a small perceptron of the form's own: nothing to do with a recipe. */}
              {!recipe && (
                <button
                  key="quick-try"
                  type="button"
                  className="btn"
                  onClick={startQuickTry}
                  disabled={!form.datasetId}
                  title={`Multilayer perceptron, ${QUICK_TRY.epochs} epochs on the first ${QUICK_TRY.limit.toLocaleString()} images`}
                >
                  Quick try
                </button>
              )}
              <button
                key="start"
                type="button"
                className="btn btn-primary"
                onClick={() => start(form)}
                disabled={!form.datasetId && !recipe}
              >
                Start training
              </button>
            </>
          ) : (
            <>
              {training.state === 'paused' ? (
                <button
                  key="resume"
                  type="button"
                  className="btn btn-primary"
                  onClick={() => control('resume')}
                >
                  Resume
                </button>
              ) : (
                <button
                  key="pause"
                  type="button"
                  className="btn"
                  onClick={() => control('pause')}
                  disabled={training.jobId === null}
                >
                  Pause
                </button>
              )}
              <button
                key="cancel"
                type="button"
                className="btn btn-danger"
                onClick={() => control('cancel')}
                disabled={training.jobId === null}
              >
                Cancel
              </button>
            </>
          )}
        </div>
      </section>

      <section ref={settings} className="card train-settings" aria-labelledby="train-settings-title">
        <h2 id="train-settings-title">New training run</h2>
        <RecipeOrForm
          recipes={recipes}
          choice={recipeChoice}
          onPick={(id) => {
            setRecipeChoice((c) => ({ ...c, id }));
            setErrors([]);
          }}
          onName={(name) => setRecipeChoice((c) => ({ ...c, name }))}
          disabled={running}
        >
          <TrainFormView
            form={form}
            onChange={(f) => {
              setForm(f);
              // A problem goes away as soon as its field changes (the rest are shown until the next start).
              setErrors((es) =>
                es.filter((e) => f[e.field as keyof TrainingForm] === form[e.field as keyof TrainingForm]),
              );
            }}
            datasets={datasets.items}
            models={models.items}
            disabled={running}
            problems={errors}
          />
        </RecipeOrForm>
        <ThreadsField value={threads} onChange={setThreads} cores={cores} disabled={running} />
        {formErrors.length > 0 && (
          <ul className="notice notice-error" aria-label="Problems">
            {formErrors.map((e) => (
              <li key={e.message}>{e.message}</li>
            ))}
          </ul>
        )}
      </section>

      <section className="card train-live" aria-label="Training progress">
        {!showRun ? (
          <div className="empty-state">
            <h2>Train a network</h2>
            <p>
              {recipe
                ? `The ${recipe.name} recipe is set up: press `
                : 'Pick a dataset and an architecture, then press '}
              <strong>Start training</strong> (above). Loss and accuracy are drawn here as the network learns;
              the Draw screen re-predicts your drawing after every epoch.
            </p>
            <p className="muted small">
              New here? <strong>Quick try</strong> trains a small perceptron for {QUICK_TRY.epochs} epochs on
              the first {QUICK_TRY.limit.toLocaleString()} images: about 10 seconds.
            </p>
          </div>
        ) : (
          <>
            <Curves training={training} />
            {outcome.kind === 'cancelled' && (
              <p className="notice">Training was cancelled. Nothing was saved.</p>
            )}
            {outcome.kind === 'error' && (
              <p className="notice notice-error">Training failed: {outcome.message}</p>
            )}
            {outcome.kind === 'done' && (
              <>
                <p className="notice notice-success">
                  Saved <strong>{outcome.model.name}</strong>.{' '}
                  <button type="button" className="btn btn-small" onClick={() => setScreen('models')}>
                    See it in Models
                  </button>{' '}
                  <button type="button" className="btn btn-small" onClick={() => tryOnDraw(outcome.model)}>
                    Try it on Draw
                  </button>
                </p>
                {outcome.model.fineTune && <FineTuneFigures report={outcome.model.fineTune} />}
                {outcome.suspicious.length > 0 && (
                  <p className="notice">
                    {outcome.suspicious.length === 1
                      ? '1 sample looks mislabelled'
                      : `${outcome.suspicious.length} samples look mislabelled`}{' '}
                    (the model strongly disagrees with the label).{' '}
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => navigate({ screen: 'samples', setId: outcome.model.datasetId })}
                    >
                      Review in Samples
                    </button>
                  </p>
                )}
                <EvaluationView evaluation={outcome.evaluation} />
              </>
            )}
          </>
        )}
      </section>
    </div>
  );
}

function runTitle(spec: TrainingSpec, datasets: DatasetInfo[], models: ModelSummary[]): string {
  const d = datasets.find((x) => x.id === spec.datasetId);
  const on = d ? taskTitle(d) : spec.datasetId;
  if (spec.recipe) return `the ${spec.recipe} recipe`;
  if (spec.baseModelId) {
    const base = models.find((m) => m.id === spec.baseModelId);
    return `fine-tuning ${base?.name ?? spec.baseModelId} on ${on}`;
  }
  const arch = PRESETS.find((p) => p.id === spec.architecture)?.title ?? spec.architecture;
  return `${arch} on ${on}`;
}
