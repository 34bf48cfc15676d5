// Samples to review: the samples the newest model trained on this set strongly disagrees with
// (likely mislabelled), kept with the model so the list survives a restart. Each can be relabelled to
// what the model saw, deleted, or kept; a relabelled or deleted sample drops out of the list.

import { useCallback, useEffect, useState } from 'react';
import type { DatasetInfo, SampleInfo, SuspiciousReport } from '../../../app/shared/types';
import { api } from '../../api';
import { GlyphImage } from '../../components/glyph-image';
import { formatAccuracy } from '../../inference/prediction';
import { useApp } from '../../state/app-context';
import { errorMessage, useApiEvent } from '../../state/use-api';

/** Samples the person chose to keep as they are, this session (`<model id>/<sample id>`). */
const kept = new Set<string>();

export function ReviewPanel({ dataset }: { dataset: DatasetInfo }) {
  const { notify } = useApp();
  const [report, setReport] = useState<SuspiciousReport | null>(null);
  const [images, setImages] = useState<Map<string, SampleInfo>>(new Map());
  const [, setKeptCount] = useState(0);

  const load = useCallback(() => {
    api()
      .samples.suspicious({ datasetId: dataset.id })
      .then(async (r) => {
        setReport(r);
        if (!r || r.samples.length === 0) return;
        const list = await api().samples.list({ datasetId: dataset.id });
        setImages(new Map(list.map((s) => [s.id, s])));
      })
      .catch(() => setReport(null));
  }, [dataset.id]);
  useEffect(load, [load]);
  useApiEvent('datasets:changed', load);
  useApiEvent('models:changed', load);

  const pending = (report?.samples ?? []).filter(
    (s) => images.has(s.id) && !kept.has(`${report?.modelId}/${s.id}`),
  );
  if (!report || pending.length === 0) return null;
  const fail = (e: unknown) => notify('error', errorMessage(e));
  const one = pending.length === 1;

  return (
    <section className="card samples-review" aria-labelledby="review-title">
      <h2 id="review-title">Review {one ? 'this sample' : `these ${pending.length} samples`}</h2>
      <p className="muted small">
        <strong>{report.modelName}</strong>, trained on this set, strongly disagrees with{' '}
        {one ? 'its label: it may be mislabelled' : 'their labels: they may be mislabelled'}. A wrong label
        teaches the network the wrong thing.
      </p>
      <ul className="review-list" aria-label="Samples to review">
        {pending.map((s) => (
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
                    .then(() => notify('success', `Relabelled as “${s.predicted}”.`), fail)
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
                    .then(() => notify('success', 'Deleted the sample.'), fail)
                }
              >
                Delete
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => {
                  kept.add(`${report.modelId}/${s.id}`);
                  setKeptCount(kept.size);
                }}
              >
                Keep
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
