// The active model for a dataset, loaded once and replaced when main says it changed: on
// activation (models:changed) and on every training checkpoint for the same dataset, so the
// drawing on screen is re-predicted as the model learns.

import { useEffect, useState } from 'react';
import type { ModelPayload, ModelSummary } from '../../app/shared/types';
import { api } from '../api';
import { errorMessage } from '../state/use-api';
import { loadRecognizer, type Recognizer } from './recognizer';

export interface RecognizerState {
  recognizer: Recognizer | null;
  summary: ModelSummary | null;
  /** Set while the weights come from a training checkpoint rather than a saved model. */
  checkpointEpoch: number | null;
  loading: boolean;
  error: string | null;
}

const empty: RecognizerState = {
  recognizer: null,
  summary: null,
  checkpointEpoch: null,
  loading: true,
  error: null,
};

export function useRecognizer(datasetId: string): RecognizerState {
  const [state, setState] = useState<RecognizerState>(empty);

  useEffect(() => {
    if (!datasetId) return;
    let alive = true;
    let currentId: string | null = null;
    setState(empty);

    const adopt = (payload: ModelPayload | null, checkpointEpoch: number | null) => {
      if (!alive) return;
      if (!payload) {
        currentId = null;
        setState({ recognizer: null, summary: null, checkpointEpoch: null, loading: false, error: null });
        return;
      }
      try {
        const recognizer = loadRecognizer(payload);
        currentId = payload.summary.id;
        setState({ recognizer, summary: payload.summary, checkpointEpoch, loading: false, error: null });
      } catch (e) {
        setState({ ...empty, loading: false, error: `Could not load the model: ${errorMessage(e)}` });
      }
    };
    const fetchActive = (force: boolean) =>
      api()
        .models.active({ datasetId })
        .then((p) => {
          if (force || p?.summary.id !== currentId) adopt(p, null);
        })
        .catch((e: unknown) => alive && setState({ ...empty, loading: false, error: errorMessage(e) }));

    fetchActive(true);
    const offTraining = api().on('training:event', (e) => {
      if (e.type === 'checkpoint' && e.model.summary.datasetId === datasetId) adopt(e.model, e.epoch);
      if ((e.type === 'done' || e.type === 'cancelled' || e.type === 'error') && currentId !== null) {
        // Back to the saved active model (which may now be the one just trained).
        fetchActive(true);
      }
    });
    const offModels = api().on('models:changed', () => fetchActive(false));
    return () => {
      alive = false;
      offTraining();
      offModels();
    };
  }, [datasetId]);

  return state;
}
