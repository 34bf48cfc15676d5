// Compare two models on the same test set (models.evaluate): accuracy, loss and per-class recall.

import { useState } from 'react';
import type { Evaluation, ModelSummary } from '../../../app/shared/types';
import { api } from '../../api';
import { formatAccuracy, formatPercent } from '../../inference/prediction';
import { errorMessage } from '../../state/use-api';

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
  const a = models.some((m) => m.id === pickA) ? pickA : (models[0]?.id ?? '');
  const first = models.find((m) => m.id === a);
  const b = models.some((m) => m.id === pickB && m.id !== a)
    ? pickB
    : ((models.find((m) => m.id !== a && m.datasetId === first?.datasetId) ?? models.find((m) => m.id !== a))
        ?.id ?? '');
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

  const pick = (value: string, set: (v: string) => void, label: string) => (
    <label className="field field-inline">
      <span className="field-label">{label}</span>
      <select
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
    </label>
  );

  return (
    <section className="card compare" aria-labelledby="compare-title">
      <header className="section-head">
        <h2 id="compare-title">Compare two models</h2>
      </header>
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
      {/* Only while the pair shown is still the pair picked (models can be deleted meanwhile). */}
      {result && ma && mb && (
        <div className="table-wrap">
          <table className="compare-table" aria-label="Comparison">
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col" className="num">
                  {ma.name} recall
                </th>
                <th scope="col" className="num">
                  {mb.name} recall
                </th>
                <th scope="col" className="num">
                  Δ
                </th>
              </tr>
            </thead>
            <tbody>
              <tr className="is-total">
                <th scope="row">All ({result[0].count.toLocaleString()} images)</th>
                <td className="num">{formatAccuracy(result[0].accuracy)}</td>
                <td className="num">{formatAccuracy(result[1].accuracy)}</td>
                <td className="num">{delta(result[1].accuracy - result[0].accuracy)}</td>
              </tr>
              {result[0].perClass.map((c, i) => {
                const other = result[1].perClass[i];
                return (
                  <tr key={c.label}>
                    <th scope="row">{c.label}</th>
                    <td className="num">{formatPercent(c.recall)}</td>
                    <td className="num">{other ? formatPercent(other.recall) : '—'}</td>
                    <td className="num">{other ? delta(other.recall - c.recall) : ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function delta(d: number): string {
  const pts = d * 100;
  return `${pts >= 0 ? '+' : '−'}${Math.abs(pts).toFixed(1)} pts`;
}
