// Confidence for every class, most likely first. Each bar is a meter a screen reader reads as
// "E e, 93 %": its name is the class as shown, its value the confidence.

import { displayLabel } from '../../inference/class-labels';
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
      {rows.map((r, rank) => {
        const shown = displayLabel(r.label, classes);
        const value = prediction ? formatPercent(r.probability) : 'no ink yet';
        return (
          <li key={r.label} className={`bar-row ${rank === 0 && prediction ? 'is-top' : ''}`}>
            <span className="bar-label" aria-hidden="true">
              {shown}
            </span>
            {/* biome-ignore lint/a11y/useSemanticElements: a styled bar; <meter> cannot be styled consistently. */}
            <div
              className="bar-track"
              role="meter"
              aria-label={`Confidence for ${shown}`}
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(r.probability * 100)}
              aria-valuetext={value}
            >
              <div className="bar-fill" style={{ transform: `scaleX(${r.probability})` }} />
            </div>
            <span className="bar-value" aria-hidden="true">
              {prediction ? formatPercent(r.probability) : '—'}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
