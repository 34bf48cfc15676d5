// Confidence for every class, most likely first.

import { formatPercent, type Prediction } from '../../inference/prediction';

export function ConfidenceBars({
  prediction,
  classes,
}: {
  prediction: Prediction | null;
  classes: readonly string[];
}) {
  const rows = prediction?.ranked ?? classes.map((label, index) => ({ label, index, probability: 0 }));
  const columns = rows.length > 12;
  return (
    <ol
      className={`bars ${columns ? 'bars-columns' : ''}`}
      aria-label="Confidence per class"
      // Two columns read top to bottom, then the second column: the ranking stays in reading order.
      style={columns ? { gridTemplateRows: `repeat(${Math.ceil(rows.length / 2)}, auto)` } : undefined}
    >
      {rows.map((r, rank) => (
        <li key={r.label} className={`bar-row ${rank === 0 && prediction ? 'is-top' : ''}`}>
          <span className="bar-label">{r.label}</span>
          {/* biome-ignore lint/a11y/useSemanticElements: a styled bar; <meter> cannot be styled consistently. */}
          <div
            className="bar-track"
            role="meter"
            aria-label={`Confidence for ${r.label}`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(r.probability * 100)}
          >
            <div className="bar-fill" style={{ transform: `scaleX(${r.probability})` }} />
          </div>
          <span className="bar-value">{prediction ? formatPercent(r.probability) : '—'}</span>
        </li>
      ))}
    </ol>
  );
}
