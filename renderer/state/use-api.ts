// Hooks over `window.api`: lists that follow main's change events, and event subscriptions.

import { useCallback, useEffect, useState } from 'react';
import type { Events } from '../../app/shared/api';
import type { DatasetInfo, ModelSummary } from '../../app/shared/types';
import { api } from '../api';

/** Subscribe to a main-process event for the component's lifetime. */
export function useApiEvent<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): void {
  useEffect(() => api().on(event, listener), [event, listener]);
}

export interface ListState<T> {
  items: T[];
  loaded: boolean;
  error: string | null;
  reload: () => void;
}

function useList<T>(load: () => Promise<T[]>, event: 'datasets:changed' | 'models:changed'): ListState<T> {
  const [items, setItems] = useState<T[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    load()
      .then((list) => {
        setItems(list);
        setLoaded(true);
        setError(null);
      })
      .catch((e: unknown) => {
        setLoaded(true);
        setError(errorMessage(e));
      });
  }, [load]);
  useEffect(reload, [reload]);
  useEffect(
    () =>
      api().on(event, (list) => {
        setItems(list as T[]);
        setLoaded(true);
      }),
    [event],
  );
  return { items, loaded, error, reload };
}

const loadDatasets = () => api().datasets.list();
const loadModels = () => api().models.list();

export function useDatasetList(): ListState<DatasetInfo> {
  return useList(loadDatasets, 'datasets:changed');
}

export function useModelList(): ListState<ModelSummary> {
  return useList(loadModels, 'models:changed');
}

export function errorMessage(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  // Electron prefixes remote errors with "Error invoking remote method 'x': Error: ".
  return raw.replace(/^Error invoking remote method '[^']+': (\w*Error: )?/, '');
}
