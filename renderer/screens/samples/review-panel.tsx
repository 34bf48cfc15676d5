// Samples to review: after a training run on this set, the samples the new model strongly disagrees
// with (likely mislabelled). Each can be relabelled to what the model saw, deleted, or kept.

import { useCallback, useEffect, useState } from 'react';
import type { DatasetInfo, SampleInfo, SuspiciousSample } from '../../../app/shared/types';
import { api } from '../../api';
import { GlyphImage } from '../../components/glyph-image';
import { formatAccuracy } from '../../inference/prediction';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/use-api';

/** Samples dealt with this session (relabelled, deleted or kept), per model run. */
const handled = new Set<string>();

export function ReviewPanel({ dataset }: { dataset: DatasetInfo }) {
  const { training, notify } = useApp();
  const outcome = training.outcome;
  const run = outcome.kind === 'done' && outcome.model.datasetId === dataset.id ? outcome : null;
  const [images, setImages] = useState<Map<string, SampleInfo>>(new Map());
  const [, rerender] = useState(0);
  const key = (s: SuspiciousSample) => `${run?.model.id}/${s.id}`;
  const pending = (run?.suspicious ?? []).filter((s) => !handled.has(key(s)));

  const load = useCallback(() => {
    api()
      .samples.list({ datasetId: dataset.id })
      .then((list) => setImages(new Map(list.map((s) => [s.id, s]))))
      .catch(() => setImages(new Map()));
  }, [dataset.id]);
  const count = pending.length;
  useEffect(() => {
    if (count > 0) load();
  }, [count, load]);

  if (!run || pending.length === 0) return null;
  const done = (s: SuspiciousSample, message?: string) => {
    handled.add(key(s));
    rerender((n) => n + 1);
    if (message) notify('success', message);
  };
  const fail = (e: unknown) => notify('error', errorMessage(e));
  const present = pending.filter((s) => images.has(s.id));

  return (
    <section className="card samples-review" aria-labelledby="review-title">
      <h2 id="review-title">
        Review {present.length === 1 ? 'this sample' : `these ${present.length} samples`}
      </h2>
      <p className="muted small">
        After training <strong>{run.model.name}</strong>, the model strongly disagrees with their labels: they
        may be mislabelled. A wrong label teaches the network the wrong thing.
      </p>
      <ul className="review-list" aria-label="Samples to review">
        {present.map((s) => (
          <li key={s.id} className="review-item">
            <GlyphImage image={images.get(s.id)!.image} label={`Sample labelled ${s.label}`} />
            <span className="review-text">
              Labelled <strong>{s.label}</strong>, looks like <strong>{s.predicted}</strong> (
              {formatAccuracy(s.confidence)}; {formatAccuracy(s.labelProbability)} for {s.label})
            </span>
            <span className="review-actions">
              <button
                type="button"
                className="btn btn-small"
                onClick={() =>
                  api()
                    .samples.relabel({ datasetId: dataset.id, id: s.id, label: s.predicted })
                    .then(() => done(s, `Relabelled as “${s.predicted}”.`), fail)
                }
              >
                Relabel as {s.predicted}
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small btn-danger-text"
                onClick={() =>
                  api()
                    .samples.delete({ datasetId: dataset.id, id: s.id })
                    .then(() => done(s, 'Deleted the sample.'), fail)
                }
              >
                Delete
              </button>
              <button type="button" className="btn btn-ghost btn-small" onClick={() => done(s)}>
                Keep
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
