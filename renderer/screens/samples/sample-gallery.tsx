// The saved samples of one class, each with delete and relabel.

import { useCallback, useEffect, useState } from 'react';
import type { DatasetInfo, SampleInfo } from '../../../app/shared/types';
import { api } from '../../api';
import { GlyphImage } from '../../components/glyph-image';
import { useApp } from '../../state/app-context';
import { errorMessage, useApiEvent } from '../../state/use-api';

export function SampleGallery({ dataset, label }: { dataset: DatasetInfo; label: string }) {
  const { notify } = useApp();
  const [samples, setSamples] = useState<SampleInfo[] | null>(null);
  const reload = useCallback(() => {
    if (!label) return;
    api()
      .samples.list({ datasetId: dataset.id, label })
      .then(setSamples)
      .catch((e: unknown) => notify('error', errorMessage(e)));
  }, [dataset.id, label, notify]);
  useEffect(reload, [reload]);
  useApiEvent('datasets:changed', reload);

  const fail = (e: unknown) => notify('error', errorMessage(e));
  if (!label) return <p className="muted">Add a class to start collecting samples.</p>;
  if (samples === null) return <p className="muted">Loading…</p>;
  if (samples.length === 0)
    return (
      <p className="muted">
        No samples of <strong>{label}</strong> yet. Draw one and press <kbd>Enter</kbd>.
      </p>
    );
  return (
    <ul className="gallery sample-gallery" aria-label={`Samples of ${label}`}>
      {samples.map((s) => (
        <li key={s.id} className="gallery-item">
          <GlyphImage image={s.image} label={`Sample of ${s.label}`} />
          <span className="gallery-actions">
            <select
              aria-label="Relabel"
              value={s.label}
              onChange={(e) =>
                api()
                  .samples.relabel({ datasetId: dataset.id, id: s.id, label: e.target.value })
                  .then(reload, fail)
              }
            >
              {dataset.classes.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <button
              type="button"
              className="btn btn-ghost btn-small"
              aria-label="Delete sample"
              onClick={() => api().samples.delete({ datasetId: dataset.id, id: s.id }).then(reload, fail)}
            >
              ✕
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
