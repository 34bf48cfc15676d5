// What every screen shares: the dataset lists, where the person is (navigation.ts), the chosen task,
// the drawings, training progress and notices. Draw and Samples each own a drawing: a sample left
// unsaved on Samples does not turn up on Draw. Both live here so a drawing survives a tab switch, and
// the shell's shortcuts (undo, clear, brush) act on the drawing of the screen shown. Draw's Line mode
// has a drawing of its own too (a line is not a character), and the mode survives a tab switch.

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import type { DatasetInfo, ModelSummary, TrainingEvent } from '../../app/shared/types';
import { api } from '../api';
import { StrokeMachine } from '../canvas/stroke-machine';
import {
  fromStatus,
  initialTraining,
  reduceTraining,
  type TrainingSnapshot,
} from '../training/training-store';
import { type Command, type Intent, initialNavigation, reduceNavigation, type Screen } from './navigation';
import { dismissNotice, NOTICE_MS, type Notice, raiseNotice } from './notices';
import { type ListState, useDatasetList, useModelList } from './use-api';

export type { Command, Intent, Screen } from './navigation';

/** The Draw screen's mode: one character, or a line of them (Line mode). */
export type DrawMode = 'glyph' | 'line';
export type { Notice } from './notices';

export interface AppState {
  screen: Screen;
  /** What the screen shown was opened for (read by the screen when it opens). */
  visit: Intent;
  /** Show a screen, for something (`{screen: 'train', datasetId}`). */
  navigate: (intent: Intent) => void;
  setScreen: (screen: Screen) => void;
  datasets: ListState<DatasetInfo>;
  models: ListState<ModelSummary>;
  datasetId: string;
  setDatasetId: (id: string) => void;
  dataset: DatasetInfo | null;
  /** The drawing of the screen shown (Samples has its own; every other screen reads Draw's, or its line's in Line mode). */
  strokes: StrokeMachine;
  drawMode: DrawMode;
  setDrawMode: (mode: DrawMode) => void;
  brushSize: number;
  setBrushSize: (size: number) => void;
  training: TrainingSnapshot;
  notices: Notice[];
  /**
   * A command waiting for its screen to act on it (import images, import/export a model, save the
   * drawing as a sample). Setting one shows that screen; the screen sets `null` once it has acted.
   */
  command: Command | null;
  setCommand: (command: Command | null) => void;
  notify: (kind: Notice['kind'], text: string) => void;
  dismiss: (id: number) => void;
}

const AppContext = createContext<AppState | null>(null);

export const BRUSH_MIN = 4;
export const BRUSH_MAX = 48;

export function AppProvider({ children }: { children: ReactNode }) {
  const [navigation, dispatch] = useReducer(reduceNavigation, initialNavigation);
  const navigate = useCallback((intent: Intent) => dispatch({ type: 'navigate', intent }), []);
  const setScreen = useCallback((screen: Screen) => dispatch({ type: 'navigate', intent: { screen } }), []);
  const setDatasetId = useCallback(
    (datasetId: string) => dispatch({ type: 'choose-dataset', datasetId }),
    [],
  );
  const setCommand = useCallback((command: Command | null) => dispatch({ type: 'command', command }), []);
  const datasets = useDatasetList();
  const models = useModelList();
  const chosen = navigation.chosenDatasetId;
  const drawings = useMemo(
    () => ({ draw: new StrokeMachine(), line: new StrokeMachine(), samples: new StrokeMachine() }),
    [],
  );
  const [drawMode, setDrawMode] = useState<DrawMode>('glyph');
  const strokes =
    navigation.visit.screen === 'samples'
      ? drawings.samples
      : drawMode === 'line'
        ? drawings.line
        : drawings.draw;
  const [brushSize, setBrush] = useState(18);
  const setBrushSize = useCallback((s: number) => setBrush(Math.min(BRUSH_MAX, Math.max(BRUSH_MIN, s))), []);
  const [training, setTraining] = useState<TrainingSnapshot>(initialTraining);
  const [notices, setNotices] = useState<Notice[]>([]);
  const nextNotice = useRef(1);

  // The chosen task, or the first bundled one until the person picks.
  const datasetId = datasets.items.some((d) => d.id === chosen) ? chosen : (datasets.items[0]?.id ?? '');
  const dataset = datasets.items.find((d) => d.id === datasetId) ?? null;

  const dismiss = useCallback((id: number) => setNotices((n) => dismissNotice(n, id)), []);
  // A notice belongs to the screen it was raised on (the one shown then) and shows only there.
  const screenRef = useRef<Screen>(navigation.visit.screen);
  screenRef.current = navigation.visit.screen;
  const notify = useCallback(
    (kind: Notice['kind'], text: string) => {
      const id = nextNotice.current++;
      setNotices((n) => raiseNotice(n, { id, kind, text, screen: screenRef.current }));
      setTimeout(() => dismiss(id), NOTICE_MS[kind]);
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
    screen: navigation.visit.screen,
    visit: navigation.visit,
    navigate,
    setScreen,
    datasets,
    models,
    datasetId,
    setDatasetId,
    dataset,
    strokes,
    drawMode,
    setDrawMode,
    brushSize,
    setBrushSize,
    training,
    notices,
    command: navigation.command,
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
