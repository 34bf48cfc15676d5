// Models: every saved network with its dataset, architecture, test accuracy and date; try one on
// Draw (which makes it the task's active model), rename and delete your own, export (native or
// ONNX), import; and a comparison of two on the same test set.

import { type ReactNode, useEffect, useState } from 'react';
import type { ModelSummary, SkippedModel } from '../../../app/shared/types';
import { api } from '../../api';
import { FineTuneFigures } from '../../components/fine-tune-figures';
import { alsoTestedFigure, testFigure } from '../../components/measured-figures';
import { taskTitle } from '../../components/task-switcher';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/use-api';
import { CompareModels } from './compare-models';

export function ModelsScreen() {
  const { models, datasets, notify, setScreen, navigate, datasetId, command, setCommand } = useApp();
  const [skipped, setSkipped] = useState<SkippedModel[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-ask whenever the list changes.
  useEffect(() => {
    if (!models.loaded) return;
    api()
      .models.skipped()
      .then(setSkipped)
      .catch(() => setSkipped([]));
  }, [models.loaded, models.items]);
  const [active, setActive] = useState<Record<string, string>>({});
  const [renaming, setRenaming] = useState<string | null>(null);
  // One line for the last export (replaced by the next, never piled up): done, cancelled or failed.
  const [exportStatus, setExportStatus] = useState<{
    kind: 'success' | 'info' | 'error';
    text: string;
  } | null>(null);
  const [name, setName] = useState('');
  const fail = (e: unknown) => notify('error', errorMessage(e));

  // Which model is active per dataset (the list itself does not say).
  const datasetKey = [...new Set(models.items.map((m) => m.datasetId))].sort().join(',');
  const modelsKey = models.items.map((m) => m.id).join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: modelsKey: re-ask when models come or go (activation may change).
  useEffect(() => {
    if (!datasetKey) return;
    let alive = true;
    Promise.all(
      datasetKey.split(',').map((datasetId) =>
        api()
          .models.active({ datasetId })
          .then((p) => [datasetId, p?.summary.id ?? ''] as const)
          .catch(() => [datasetId, ''] as const),
      ),
    ).then((pairs) => alive && setActive(Object.fromEntries(pairs)));
    return () => {
      alive = false;
    };
  }, [datasetKey, modelsKey]);

  const title = (id: string) => datasets.items.find((d) => d.id === id)?.title ?? id;
  const task = (id: string) => {
    const d = datasets.items.find((x) => x.id === id);
    return d ? taskTitle(d) : id;
  };
  /** Make `m` the model Draw uses for its task, and open Draw on that task. */
  const tryOnDraw = (m: ModelSummary) =>
    api()
      .models.activate({ id: m.id })
      .then(() => {
        setActive((a) => ({ ...a, [m.datasetId]: m.id }));
        navigate({ screen: 'draw', datasetId: m.datasetId });
      })
      .catch(fail);
  const exportModel = async (m: ModelSummary, format: 'native' | 'onnx') => {
    const ext = format === 'onnx' ? 'onnx' : 'glyphmodel';
    const exportFailed = (e: unknown) => setExportStatus({ kind: 'error', text: errorMessage(e) });
    let target: Awaited<ReturnType<ReturnType<typeof api>['dialog']['saveFile']>>;
    try {
      target = await api().dialog.saveFile({
        title:
          format === 'onnx' && m.architecture === 'recurrent'
            ? `Export ${m.name} as ONNX — ${RECURRENT_ONNX_NOTE}`
            : `Export ${m.name}`,
        defaultName: `${slug(m.name)}.${ext}`,
        extensions: [ext],
      });
    } catch (e) {
      return exportFailed(e);
    }
    // The person closed the save dialog: said quietly, in the same line, so it is not mistaken for an export.
    if (!target) return setExportStatus({ kind: 'info', text: 'Export cancelled.' });
    setExportStatus({ kind: 'info', text: `Exporting ${m.name}…` });
    api()
      .models.export({ id: m.id, format, grant: target.grant })
      .then((r) =>
        setExportStatus({
          kind: 'success',
          text:
            format === 'onnx' && m.architecture === 'recurrent'
              ? `Exported to ${r.path}. ${RECURRENT_ONNX_NOTE}`
              : `Exported to ${r.path}`,
        }),
      )
      .catch(exportFailed);
  };
  const importModel = async () => {
    const chosen = await api()
      .dialog.openFiles({ title: 'Import a model', extensions: ['glyphmodel', 'json'], folders: false })
      .catch(fail);
    const source = chosen?.[0];
    if (!source) return;
    api()
      .models.import({ grant: source.grant })
      .then((m) => notify('success', `Imported ${m.name}.`))
      .catch(fail);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: run once per menu command.
  useEffect(() => {
    if (command === 'import-model') {
      setCommand(null);
      importModel();
    } else if (command === 'export-model') {
      const id = active[datasetId];
      const m = models.items.find((x) => x.id === id);
      if (!m) return;
      setCommand(null);
      exportModel(m, 'native');
    }
  }, [command, active]);
  const remove = (m: ModelSummary) => {
    if (!window.confirm(`Delete the model “${m.name}”? This cannot be undone.`)) return;
    api().models.delete({ id: m.id }).catch(fail);
  };
  const rename = (e: React.FormEvent, m: ModelSummary) => {
    e.preventDefault();
    if (!name.trim()) return;
    api()
      .models.rename({ id: m.id, name: name.trim() })
      .then(() => setRenaming(null))
      .catch(fail);
  };

  return (
    <div className="models-screen">
      <section className="card" aria-labelledby="models-title">
        <header className="section-head">
          <h2 id="models-title">Models</h2>
          <button type="button" className="btn" onClick={importModel}>
            Import model…
          </button>
        </header>
        <p className="muted small">
          Draw uses the <strong>active</strong> model of each task. <strong>Try on Draw</strong> makes a model
          the active one for its task and opens Draw with it. Built-in models ship with the app: they can be
          tried and exported, not renamed or deleted.
        </p>
        {exportStatus && (
          <p
            className={`export-status notice ${exportStatus.kind === 'error' ? 'notice-error' : exportStatus.kind === 'success' ? 'notice-success' : ''}`}
            role="status"
          >
            {exportStatus.text}
          </p>
        )}
        {models.items.length === 0 ? (
          <div className="empty-state">
            <p>No models yet. Train one on the Train screen; it will appear here.</p>
            <button type="button" className="btn btn-primary" onClick={() => setScreen('train')}>
              Go to Train
            </button>
          </div>
        ) : (
          <div className="table-wrap">
            <table className="model-table" aria-label="Saved models">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Dataset</th>
                  <th scope="col">Architecture</th>
                  <th scope="col" className="num">
                    Parameters
                  </th>
                  <th scope="col" className="num">
                    Test accuracy
                  </th>
                  <th scope="col">Created</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {models.items.map((m) => {
                  const isActive = active[m.datasetId] === m.id;
                  return (
                    <tr key={m.id} className={isActive ? 'is-active' : ''}>
                      <td>
                        {renaming === m.id ? (
                          <form className="inline-form" onSubmit={(e) => rename(e, m)}>
                            <input
                              aria-label="New model name"
                              value={name}
                              onChange={(e) => setName(e.target.value)}
                            />
                            <button type="submit" className="btn btn-small">
                              Save
                            </button>
                          </form>
                        ) : (
                          <span className="model-name">
                            {m.name}
                            {isActive && <span className="pill pill-accent">active</span>}
                            {m.builtin && <span className="pill">built-in</span>}
                          </span>
                        )}
                        {m.fineTune && (
                          <details className="fine-tune-details">
                            <summary>Before / after fine-tuning</summary>
                            <FineTuneFigures report={m.fineTune} />
                          </details>
                        )}
                      </td>
                      <td title={title(m.datasetId)}>{task(m.datasetId)}</td>
                      <td>{m.architecture}</td>
                      <td className="num">{m.parameters.toLocaleString()}</td>
                      <TestFigureCell model={m} />
                      <td
                        title={
                          m.builtin
                            ? `Trained ${new Date(m.createdAt).toLocaleString()} from its built-in recipe (see its model card)`
                            : new Date(m.createdAt).toLocaleString()
                        }
                      >
                        {new Date(m.createdAt).toLocaleDateString()}
                      </td>
                      <td className="row-actions">
                        <button
                          type="button"
                          className="btn btn-small"
                          onClick={() => tryOnDraw(m)}
                          aria-label={`Try on Draw: ${m.name}`}
                          title={
                            isActive
                              ? 'Already the model Draw uses for this task: opens Draw'
                              : 'Make this the model Draw uses for its task, and open Draw'
                          }
                        >
                          Try on Draw
                        </button>
                        {/* Built-ins ship with the app: nothing to rename or delete, so no buttons for it. */}
                        {!m.builtin && (
                          <RowAction
                            onClick={() => {
                              setRenaming(m.id);
                              setName(m.name);
                            }}
                            label={`Rename ${m.name}`}
                          >
                            Rename
                          </RowAction>
                        )}
                        <RowAction onClick={() => exportModel(m, 'native')} label={`Export ${m.name}`}>
                          Export
                        </RowAction>
                        <RowAction onClick={() => exportModel(m, 'onnx')} label={`Export ${m.name} as ONNX`}>
                          ONNX
                        </RowAction>
                        {!m.builtin && (
                          <RowAction onClick={() => remove(m)} label={`Delete ${m.name}`} danger>
                            Delete
                          </RowAction>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {skipped.length > 0 && (
        <section className="card" aria-labelledby="skipped-title">
          <h2 id="skipped-title">Models that could not be read</h2>
          <p className="muted small">These folders were left untouched on disk.</p>
          <ul className="notice notice-error">
            {skipped.map((s) => (
              <li key={s.id}>
                <strong>{s.id}</strong>: {s.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      {models.items.length >= 2 && <CompareModels models={models.items} taskOf={task} />}
    </div>
  );
}

/** The test accuracy, or counts and a note when a handful of images stand behind it. */
/** A quiet button in a model's row; `label` names the model, since every row has one. */
function RowAction({
  onClick,
  label,
  danger = false,
  children,
}: {
  onClick: () => void;
  label: string;
  danger?: boolean;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      className={`btn btn-ghost btn-small${danger ? ' btn-danger-text' : ''}`}
      onClick={onClick}
      aria-label={label}
    >
      {children}
    </button>
  );
}

function TestFigureCell({ model }: { model: ModelSummary }) {
  const f = testFigure(model.metrics);
  return (
    <td className="num" title={f.note ?? model.metrics.evaluatedOn}>
      {f.text}
      {f.note && <span className="sr-only"> ({f.note})</span>}
      {model.alsoTested?.map((t) => {
        const also = alsoTestedFigure(t);
        return (
          <span key={`${t.datasetId}-${t.split}`} className="also-tested muted small" title={also.title}>
            {also.text}
          </span>
        );
      })}
    </td>
  );
}

/** How the fixed-point recurrent layer reaches ONNX (docs/onnx.md), said wherever it is exported. */
export const RECURRENT_ONNX_NOTE =
  'The recurrent layer is exported as an ONNX Loop with the same stopping rule (until the state moves less than its tolerance, at most maxIterations steps). The test is over the whole batch, so a batch of several images may run a few more steps than one image alone: outputs differ by less than the tolerance.';

function slug(s: string): string {
  return s.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'model';
}
