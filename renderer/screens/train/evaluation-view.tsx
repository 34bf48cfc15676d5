// After training: the confusion matrix (click a cell to see those test images) and the
// misclassified examples. Used by Train and by the model comparison on Models.

import { type ReactNode, useEffect, useState } from 'react';
import type { Evaluation, Misclassified } from '../../../app/shared/types';
import { api } from '../../api';
import { GlyphImage, imageAt } from '../../components/glyph-image';
import { MIN_MEASURED, rightOf, tooFewToMeasure } from '../../components/measured-figures';
import { formatAccuracy, formatPercent } from '../../inference/prediction';
import { errorMessage } from '../../state/use-api';

export function EvaluationView({ evaluation, title }: { evaluation: Evaluation; title?: string }) {
  const [cell, setCell] = useState<{ truth: number; predicted: number } | null>(null);
  const labels = evaluation.perClass.map((c) => c.label);
  const cellItems = cell
    ? evaluation.misclassified.filter(
        (m) => m.label === labels[cell.truth] && m.predicted === labels[cell.predicted],
      )
    : null;
  // A handful of test images (a fine-tuned set's held-out samples): counts, no percentage and no
  // confusion matrix, whose shades would claim more than a few images can say.
  if (tooFewToMeasure(evaluation.count)) {
    return (
      <EvaluationFrame
        title={title}
        stat={
          <>
            <strong>
              {rightOf(evaluation.accuracy, evaluation.count)} of {evaluation.count}
            </strong>{' '}
            {evaluation.split} {evaluation.count === 1 ? 'image' : 'images'} right
          </>
        }
      >
        <p className="muted small">
          Too few to measure accuracy (at least {MIN_MEASURED} are needed for a percentage to mean much).
        </p>
        {evaluation.misclassified.length > 0 && (
          <>
            <h4>Misclassified</h4>
            <Gallery evaluation={evaluation} items={evaluation.misclassified} />
          </>
        )}
      </EvaluationFrame>
    );
  }
  return (
    <EvaluationFrame
      title={title}
      stat={
        <>
          <strong>{formatAccuracy(evaluation.accuracy)}</strong> accuracy on{' '}
          {evaluation.count.toLocaleString()} {evaluation.split} images · loss {evaluation.loss.toFixed(3)}
        </>
      }
    >
      <div className="evaluation-body">
        <ConfusionMatrix evaluation={evaluation} labels={labels} selected={cell} onSelect={setCell} />
        <div className="evaluation-side">
          {cell && cellItems ? (
            <>
              <h4>
                {labels[cell.truth]} read as {labels[cell.predicted]}
                <button type="button" className="btn btn-ghost btn-small" onClick={() => setCell(null)}>
                  Show all mistakes
                </button>
              </h4>
              {cell.truth === cell.predicted ? (
                <p className="muted">
                  {evaluation.confusion[cell.truth]?.[cell.predicted] ?? 0} images of {labels[cell.truth]}{' '}
                  were recognized correctly.
                </p>
              ) : (
                <Gallery evaluation={evaluation} items={cellItems} />
              )}
            </>
          ) : (
            <>
              <h4>Misclassified examples</h4>
              <Gallery evaluation={evaluation} items={evaluation.misclassified} />
            </>
          )}
        </div>
      </div>
    </EvaluationFrame>
  );
}

/** The section round either view: its heading, and the headline figure beside it. */
function EvaluationFrame(props: { title?: string; stat: ReactNode; children: ReactNode }) {
  return (
    <section className="evaluation" aria-label={props.title ?? 'Evaluation'}>
      <header className="section-head">
        <h3>{props.title ?? 'Test results'}</h3>
        <span className="stat">{props.stat}</span>
      </header>
      {props.children}
    </section>
  );
}

function ConfusionMatrix({
  evaluation,
  labels,
  selected,
  onSelect,
}: {
  evaluation: Evaluation;
  labels: string[];
  selected: { truth: number; predicted: number } | null;
  onSelect: (cell: { truth: number; predicted: number }) => void;
}) {
  const rowSums = evaluation.confusion.map((r) => r.reduce((a, b) => a + b, 0) || 1);
  return (
    <div className="confusion-wrap">
      <table className="confusion" aria-label="Confusion matrix (rows: true class, columns: predicted)">
        <thead>
          <tr>
            <th scope="col" className="corner">
              true ↓ / predicted →
            </th>
            {labels.map((l) => (
              <th key={l} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {evaluation.confusion.map((row, i) => (
            <tr key={labels[i]}>
              <th scope="row">{labels[i]}</th>
              {row.map((n, j) => {
                const share = n / rowSums[i]!;
                const diag = i === j;
                const isSel = selected?.truth === i && selected.predicted === j;
                return (
                  <td key={labels[j]}>
                    <button
                      type="button"
                      className={`cell ${diag ? 'cell-diag' : 'cell-off'} ${isSel ? 'is-selected' : ''}`}
                      style={{ '--share': n === 0 ? 0 : Math.max(0.08, share) } as React.CSSProperties}
                      aria-label={`${n} images of ${labels[i]} predicted as ${labels[j]}`}
                      onClick={() => onSelect({ truth: i, predicted: j })}
                      disabled={n === 0}
                    >
                      {n || ''}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const GALLERY_MAX = 60;

/** Some of the evaluated set's images (those of `items`), fetched by index. */
function Gallery({ evaluation, items }: { evaluation: Evaluation; items: Misclassified[] }) {
  const { datasetId, split } = evaluation;
  const [images, setImages] = useState<Uint8Array | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = items.slice(0, GALLERY_MAX);
  const key = shown.map((m) => m.index).join(',');
  useEffect(() => {
    setImages(null);
    setError(null);
    if (!key || (split !== 'test' && split !== 'train')) return;
    let alive = true;
    api()
      .datasets.images({ id: datasetId, split, indices: key.split(',').map(Number) })
      .then((r) => alive && setImages(r.images))
      .catch((e: unknown) => alive && setError(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [datasetId, split, key]);
  if (shown.length === 0) return <p className="muted">No mistakes here.</p>;
  if (error) return <p className="notice notice-error">{error}</p>;
  return (
    <ul className="gallery" aria-label="Test images">
      {shown.map((m, i) => (
        <li key={m.index} className="gallery-item">
          {images ? (
            <GlyphImage image={imageAt(images, i)} label={`${m.label} read as ${m.predicted}`} />
          ) : (
            <span className="glyph glyph-placeholder" />
          )}
          <span className="gallery-caption">
            {m.label} → <strong>{m.predicted}</strong> {formatPercent(m.confidence)}
          </span>
        </li>
      ))}
      {items.length > GALLERY_MAX && <li className="muted small">and {items.length - GALLERY_MAX} more</li>}
    </ul>
  );
}
