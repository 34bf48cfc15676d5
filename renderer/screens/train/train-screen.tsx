// Train: settings on the left; progress, live curves and the final evaluation on the right.

import { useEffect, useState } from 'react';
import type { DatasetInfo, ModelSummary, TrainingSpec } from '../../../app/shared/types';
import { api } from '../../api';
import { FineTuneFigures } from '../../components/fine-tune-figures';
import { taskTitle } from '../../components/task-switcher';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/use-api';
import { defaultForm, formToSpec, PRESETS, type TrainingForm } from '../../training/spec-form';
import { formatDuration, type TrainingSnapshot } from '../../training/training-store';
import { Curves } from './curves';
import { EvaluationView } from './evaluation-view';
import { TrainFormView } from './train-form';

/** The form outlives the screen (tab switches), for the session. Only this screen reads or writes it. */
let remembered: TrainingForm | null = null;

export function TrainScreen() {
  const { datasets, models, datasetId, training, notify, setScreen, navigate, visit } = useApp();
  const [form, setForm] = useState<TrainingForm>(() => {
    // Opened for a task (Draw's "Train one"): the remembered form, set to train that task from scratch.
    const task = visit.screen === 'train' ? visit.datasetId : undefined;
    if (!task) return remembered ?? defaultForm(datasetId);
    return { ...(remembered ?? defaultForm(task)), datasetId: task, baseModelId: '' };
  });
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    remembered = form;
  }, [form]);
  useEffect(() => {
    if (!form.datasetId && datasetId) setForm((f) => ({ ...f, datasetId }));
  }, [datasetId, form.datasetId]);

  const running = training.state !== 'idle';
  // The model just trained is the one Draw shows: activate it, then show Draw on its task.
  const tryOnDraw = (model: ModelSummary) =>
    api()
      .models.activate({ id: model.id })
      .then(() => navigate({ screen: 'draw', datasetId: model.datasetId }))
      .catch((e: unknown) => notify('error', errorMessage(e)));
  const start = async () => {
    const classCount = datasets.items.find((d) => d.id === form.datasetId)?.classes.length;
    const result = formToSpec(form, classCount);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors([]);
    setBusy(true);
    try {
      await api().training.start(result.spec);
    } catch (e) {
      setErrors([errorMessage(e)]);
    } finally {
      setBusy(false);
    }
  };
  const control = (verb: 'pause' | 'resume' | 'cancel') =>
    api()
      .training[verb]()
      .catch((e: unknown) => notify('error', errorMessage(e)));

  const p = training.progress;
  const outcome = training.outcome;
  return (
    <div className="train-screen">
      <section className="card train-settings" aria-labelledby="train-settings-title">
        <h2 id="train-settings-title">New training run</h2>
        <TrainFormView
          form={form}
          onChange={setForm}
          datasets={datasets.items}
          models={models.items}
          disabled={running}
        />
        {errors.length > 0 && (
          <ul className="notice notice-error" aria-label="Problems">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
        <div className="actions">
          {!running ? (
            <button
              type="button"
              className="btn btn-primary"
              onClick={start}
              disabled={busy || !form.datasetId}
            >
              Start training
            </button>
          ) : (
            <>
              {training.state === 'paused' ? (
                <button type="button" className="btn btn-primary" onClick={() => control('resume')}>
                  Resume
                </button>
              ) : (
                <button type="button" className="btn" onClick={() => control('pause')}>
                  Pause
                </button>
              )}
              <button type="button" className="btn btn-danger" onClick={() => control('cancel')}>
                Cancel
              </button>
            </>
          )}
        </div>
      </section>

      <section className="card train-live" aria-label="Training progress">
        {training.jobId === null && outcome.kind === 'none' ? (
          <div className="empty-state">
            <h2>Train a network</h2>
            <p>
              Pick a dataset and an architecture, then press <strong>Start training</strong>. Loss and
              accuracy are drawn here as the network learns; the Draw screen re-predicts your drawing after
              every epoch.
            </p>
            <p className="muted small">A quick try: MLP, 1 epoch, limit 2000 images — about a few seconds.</p>
          </div>
        ) : (
          <>
            <div className="progress-head">
              <span className="progress-title">
                {statusTitle(training)}
                {training.spec ? ` · ${runTitle(training.spec, datasets.items, models.items)}` : ''}
              </span>
              <span className="muted">{progressLine(training)}</span>
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

function statusTitle(t: TrainingSnapshot): string {
  if (t.state === 'running') return 'Training';
  if (t.state === 'paused') return 'Paused';
  if (t.outcome.kind === 'error') return 'Failed';
  if (t.outcome.kind === 'cancelled') return 'Cancelled';
  return 'Finished';
}

function runTitle(spec: TrainingSpec, datasets: DatasetInfo[], models: ModelSummary[]): string {
  const d = datasets.find((x) => x.id === spec.datasetId);
  const on = d ? taskTitle(d) : spec.datasetId;
  if (spec.baseModelId) {
    const base = models.find((m) => m.id === spec.baseModelId);
    return `fine-tuning ${base?.name ?? spec.baseModelId} on ${on}`;
  }
  const arch = PRESETS.find((p) => p.id === spec.architecture)?.title ?? spec.architecture;
  return `${arch} on ${on}`;
}

/** The line beside the title: live figures while running, a summary once finished. */
function progressLine(t: TrainingSnapshot): string {
  const p = t.progress;
  if (t.state === 'idle' && t.outcome.kind === 'done') {
    const seconds = t.epochs.reduce((sum, e) => sum + e.seconds, 0);
    return `${t.epochs.length} epoch${t.epochs.length === 1 ? '' : 's'} in ${formatDuration(seconds)} · ${t.trainCount.toLocaleString()} training images`;
  }
  if (p) {
    const rate = `${Math.round(p.samplesPerSecond).toLocaleString()} samples/s`;
    return `epoch ${p.epoch}/${p.epochs} · batch ${p.batch}/${p.batches} · ${rate} · ETA ${formatDuration(p.etaSeconds)}`;
  }
  if (t.trainCount)
    return `${t.trainCount.toLocaleString()} training, ${t.validationCount.toLocaleString()} validation images`;
  return '';
}
