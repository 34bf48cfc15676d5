// What every screen shares: the dataset lists, the chosen task, the drawing, training progress and
// notices. The drawing lives here so Draw and Samples work on the same strokes.

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { DatasetInfo, MenuCommand, ModelSummary, TrainingEvent } from '../../app/shared/types';
import { api } from '../api';
import { StrokeMachine } from '../canvas/stroke-machine';
import {
  fromStatus,
  initialTraining,
  reduceTraining,
  type TrainingSnapshot,
} from '../training/training-store';
import { type ListState, useDatasetList, useModelList } from './use-api';

export interface Notice {
  id: number;
  kind: 'info' | 'success' | 'error';
  text: string;
}

export type Screen = 'draw' | 'train' | 'samples' | 'models';

export interface AppState {
  screen: Screen;
  setScreen: (screen: Screen) => void;
  datasets: ListState<DatasetInfo>;
  models: ListState<ModelSummary>;
  datasetId: string;
  setDatasetId: (id: string) => void;
  dataset: DatasetInfo | null;
  strokes: StrokeMachine;
  brushSize: number;
  setBrushSize: (size: number) => void;
  training: TrainingSnapshot;
  notices: Notice[];
  /** A menu command waiting for its screen to act on it (import images, import/export a model). */
  command: MenuCommand | null;
  setCommand: (command: MenuCommand | null) => void;
  notify: (kind: Notice['kind'], text: string) => void;
  dismiss: (id: number) => void;
}

const AppContext = createContext<AppState | null>(null);

export const BRUSH_MIN = 4;
export const BRUSH_MAX = 48;

export function AppProvider({ children }: { children: ReactNode }) {
  const [screen, setScreen] = useState<Screen>('draw');
  const datasets = useDatasetList();
  const models = useModelList();
  const [chosen, setDatasetId] = useState('');
  const strokes = useMemo(() => new StrokeMachine(), []);
  const [brushSize, setBrush] = useState(18);
  const setBrushSize = useCallback((s: number) => setBrush(Math.min(BRUSH_MAX, Math.max(BRUSH_MIN, s))), []);
  const [training, setTraining] = useState<TrainingSnapshot>(initialTraining);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [command, setCommand] = useState<MenuCommand | null>(null);
  const nextNotice = useRef(1);

  // The chosen task, or the first bundled one until the person picks.
  const datasetId = datasets.items.some((d) => d.id === chosen) ? chosen : (datasets.items[0]?.id ?? '');
  const dataset = datasets.items.find((d) => d.id === datasetId) ?? null;

  const dismiss = useCallback((id: number) => setNotices((n) => n.filter((x) => x.id !== id)), []);
  const notify = useCallback(
    (kind: Notice['kind'], text: string) => {
      const id = nextNotice.current++;
      setNotices((n) => [...n.slice(-3), { id, kind, text }]);
      setTimeout(() => dismiss(id), kind === 'error' ? 8000 : 4000);
    },
    [dismiss],
  );

  useEffect(() => {
    api()
      .training.status()
      .then((status) => setTraining((t) => (t.jobId ? t : fromStatus(status))))
      .catch(() => {});
    return api().on('training:event', (e: TrainingEvent) => {
      setTraining((t) => reduceTraining(t, e));
      // The first model trained for a task becomes its active one, so Draw can use it at once.
      if (e.type === 'done') {
        const { id, datasetId } = e.model;
        api()
          .models.active({ datasetId })
          .then((active) => (active ? undefined : api().models.activate({ id })))
          .catch(() => {});
      }
    });
  }, []);

  const value: AppState = {
    screen,
    setScreen,
    datasets,
    models,
    datasetId,
    setDatasetId,
    dataset,
    strokes,
    brushSize,
    setBrushSize,
    training,
    notices,
    command,
    setCommand,
    notify,
    dismiss,
  };
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useApp(): AppState {
  const ctx = useContext(AppContext);
  if (!ctx) throw new Error('useApp outside AppProvider');
  return ctx;
}
