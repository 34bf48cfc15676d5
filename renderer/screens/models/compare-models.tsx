// Compare two models on the same test set (models.evaluate): accuracy, loss and per-class recall.

import { type ReactNode, useState } from 'react';
import type { Evaluation, ModelSummary } from '../../../app/shared/types';
import { api } from '../../api';
import { formatAccuracy, formatPercent } from '../../inference/prediction';
import { errorMessage } from '../../state/use-api';
import { defaultPair, deltaCell, hasSameTaskPair } from './compare-rules';

export function CompareModels({
  models,
  taskOf,
}: {
  models: ModelSummary[];
  taskOf: (datasetId: string) => string;
}) {
  const [pickA, setA] = useState('');
  const [pickB, setB] = useState('');
  // Picks that still exist (models can be deleted meanwhile); by default two models of one task.
  const [pairA, pairB] = defaultPair(models);
  const a = models.some((m) => m.id === pickA) ? pickA : pairA;
  const first = models.find((m) => m.id === a);
  const b = models.some((m) => m.id === pickB && m.id !== a)
    ? pickB
    : a === pairA && pairB
      ? pairB
      : ((
          models.find((m) => m.id !== a && m.datasetId === first?.datasetId) ?? models.find((m) => m.id !== a)
        )?.id ?? '');
  const [compared, setResult] = useState<{ ids: string; evaluations: [Evaluation, Evaluation] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const result = compared?.ids === `${a}|${b}` ? compared.evaluations : null;
  const ma = models.find((m) => m.id === a);
  const mb = models.find((m) => m.id === b);
  const sameTask = ma && mb && ma.datasetId === mb.datasetId;

  const compare = async () => {
    if (!ma || !mb) return;
    setBusy(true);
    setError(null);
    try {
      const datasetId = ma.datasetId;
      const [ea, eb] = await Promise.all([
        api().models.evaluate({ id: ma.id, datasetId }),
        api().models.evaluate({ id: mb.id, datasetId }),
      ]);
      setResult({ ids: `${ma.id}|${mb.id}`, evaluations: [ea, eb] });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const pick = (value: string, set: (v: string) => void, label: string) => {
    // A label of its own (not wrapping the select), so the name is "Model A", not its options too.
    const id = `compare-${label.replace(/\W+/g, '-').toLowerCase()}`;
    return (
      <span className="field field-inline">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <select
          id={id}
          value={value}
          onChange={(e) => {
            set(e.target.value);
            setResult(null);
          }}
        >
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name} ({taskOf(m.datasetId)})
            </option>
          ))}
        </select>
      </span>
    );
  };

  // No task has two models yet (only the built-ins): say what Compare needs instead of offering a
  // pair it cannot compare.
  if (!hasSameTaskPair(models))
    return (
      <CompareSection>
        <p className="muted">
          Compare tests two models of the same task on its test split. Train a model for Digits or Letters
          (Quick try on the Train screen takes seconds) to compare it with the built-in one.
        </p>
      </CompareSection>
    );
  return (
    <CompareSection>
      <div className="screen-bar">
        {pick(a, setA, 'Model A')}
        {pick(b, setB, 'Model B')}
        <button
          type="button"
          className="btn btn-primary"
          onClick={compare}
          disabled={busy || !sameTask || a === b}
        >
          {busy ? 'Evaluating…' : 'Compare on the test set'}
        </button>
        {!sameTask && <span className="muted small">Pick two models of the same task.</span>}
      </div>
      {error && <p className="notice notice-error">{error}</p>}
      <p className="muted small">
        Both are tested on the whole test split of {ma ? taskOf(ma.datasetId) : 'their task'}; Δ is B − A in
        percentage points (▲ B is better, ▼ B is worse).
      </p>
      {/* Only while the pair shown is still the pair picked (models can be deleted meanwhile). */}
      {result && ma && mb && (
        <div className="table-wrap">
          <table className="compare-table" aria-label="Comparison">
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col" className="num">
                  A: {ma.name} recall
                </th>
                <th scope="col" className="num">
                  B: {mb.name} recall
                </th>
                <th
                  scope="col"
                  className="num"
                  title="B − A in percentage points: ▲ B is better, ▼ B is worse"
                >
                  Δ (B − A)
                </th>
              </tr>
            </thead>
            <tbody>
              <tr className="is-total">
                <th scope="row">All ({result[0].count.toLocaleString()} images)</th>
                <td className="num">{formatAccuracy(result[0].accuracy)}</td>
                <td className="num">{formatAccuracy(result[1].accuracy)}</td>
                <Delta a={result[0].accuracy} b={result[1].accuracy} />
              </tr>
              {result[0].perClass.map((c, i) => {
                const other = result[1].perClass[i];
                return (
                  <tr key={c.label}>
                    <th scope="row">{c.label}</th>
                    <td className="num">{formatPercent(c.recall)}</td>
                    <td className="num">{other ? formatPercent(other.recall) : '—'}</td>
                    {other ? <Delta a={c.recall} b={other.recall} /> : <td />}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </CompareSection>
  );
}

/** The Compare card and its heading, around whatever it can offer. */
function CompareSection({ children }: { children: ReactNode }) {
  return (
    <section className="card compare" aria-labelledby="compare-title">
      <header className="section-head">
        <h2 id="compare-title">Compare two models</h2>
      </header>
      {children}
    </section>
  );
}

/** A Δ cell: coloured by direction, with an arrow and words for whoever cannot see the colour. */
function Delta({ a, b }: { a: number; b: number }) {
  const d = deltaCell(a, b);
  return (
    <td className={`num delta delta-${d.tone}`}>
      <span aria-hidden="true">{d.text}</span>
      <span className="sr-only">{d.label}</span>
    </td>
  );
}
