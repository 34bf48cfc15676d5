// The active model for the chosen dataset: a select over the models trained on it.

import { api } from '../../api';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/use-api';
import { modelLabel } from './model-label';

/** The select's value while the weights come from a training checkpoint. */
export const CHECKPOINT = '__checkpoint__';

export function ModelPicker({
  activeId,
  loading,
  checkpointEpoch = null,
}: {
  activeId: string | null;
  loading: boolean;
  checkpointEpoch?: number | null;
}) {
  const { models, datasetId, notify } = useApp();
  const options = models.items.filter((m) => m.datasetId === datasetId);
  if (options.length === 0) return null;
  return (
    <label className="field field-inline">
      <span className="field-label">Draw uses</span>
      <select
        value={activeId ?? ''}
        disabled={loading}
        onChange={(e) =>
          api()
            .models.activate({ id: e.target.value })
            .catch((err: unknown) => notify('error', errorMessage(err)))
        }
      >
        {activeId === null && <option value="">{loading ? 'Loading…' : 'Choose a model…'}</option>}
        {checkpointEpoch !== null && (
          <option value={CHECKPOINT} disabled>
            Training now · checkpoint after epoch {checkpointEpoch}
          </option>
        )}
        {options.map((m) => (
          <option key={m.id} value={m.id}>
            {modelLabel(m)}
          </option>
        ))}
      </select>
    </label>
  );
}
