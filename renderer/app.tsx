// The shell: four screens as tabs, global shortcuts, the help overlay and notices.

import { useCallback, useEffect, useState } from 'react';
import { api } from './api';
import { HelpOverlay } from './components/help-overlay';
import { Notices } from './components/notices';
import { ThemePicker } from './components/theme-picker';
import { DrawScreen } from './screens/draw/draw-screen';
import { ModelsScreen } from './screens/models/models-screen';
import { SamplesScreen } from './screens/samples/samples-screen';
import { TrainScreen } from './screens/train/train-screen';
import { type Action, matchShortcut } from './shortcuts';
import { AppProvider, type Screen, useApp } from './state/app-context';

const SCREENS: { id: Screen; title: string }[] = [
  { id: 'draw', title: 'Draw' },
  { id: 'train', title: 'Train' },
  { id: 'samples', title: 'Samples' },
  { id: 'models', title: 'Models' },
];

export function App() {
  return (
    <AppProvider>
      <Shell />
    </AppProvider>
  );
}

function Shell() {
  const app = useApp();
  const { screen, setScreen, setCommand, strokes, brushSize, setBrushSize, training } = app;
  const [help, setHelp] = useState(false);
  const [showSaliency, setShowSaliency] = useState(false);
  const toggleSaliency = useCallback(() => setShowSaliency((s) => !s), []);

  // The native menu (File ▸ Import images…, Help ▸ Shortcuts…): the command shows the screen that acts on it.
  useEffect(
    () =>
      api().on('menu:command', (command) => {
        if (command === 'show-help') return setHelp(true);
        setCommand(command);
      }),
    [setCommand],
  );

  useEffect(() => {
    const run = (action: Action) => {
      switch (action) {
        case 'undo':
          return strokes.undo();
        case 'redo':
          return strokes.redo();
        case 'clear':
          return strokes.clear();
        case 'brushSmaller':
          return setBrushSize(brushSize - 2);
        case 'brushLarger':
          return setBrushSize(brushSize + 2);
        case 'toggleSaliency':
          return toggleSaliency();
        case 'saveSample':
          return setCommand('save-sample');
        case 'help':
          return setHelp((h) => !h);
        case 'screenDraw':
          return setScreen('draw');
        case 'screenTrain':
          return setScreen('train');
        case 'screenSamples':
          return setScreen('samples');
        case 'screenModels':
          return setScreen('models');
      }
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || help) return;
      const target = e.target as HTMLElement | null;
      const inField = !!target?.closest(
        'input:not([type="checkbox"]):not([type="radio"]):not([type="range"]), textarea, select, [contenteditable="true"]',
      );
      // Buttons own Enter and Space; dialogs own Escape. A choice (a radio: the class picked on Samples)
      // has no use for Enter, so there Enter saves the drawing, as it does anywhere outside a text field.
      if (
        e.key === 'Enter' &&
        target?.closest('button, a, [role="tab"]') &&
        !target.closest('[role="radio"]')
      )
        return;
      if (target?.closest('dialog')) return;
      let action = matchShortcut(e, inField);
      // On the screens without a canvas, Backspace/Delete/Escape must not wipe an unseen drawing.
      if (action === 'clear' && screen !== 'draw' && screen !== 'samples') action = null;
      if (action === 'saveSample' && screen !== 'samples') action = null;
      if (!action) return;
      e.preventDefault();
      run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [strokes, brushSize, setBrushSize, toggleSaliency, setScreen, setCommand, screen, help]);

  const onTabKey = (e: React.KeyboardEvent, index: number) => {
    const delta = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!delta) return;
    e.preventDefault();
    const next = SCREENS[(index + delta + SCREENS.length) % SCREENS.length]!;
    setScreen(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  };

  const trainingBadge =
    training.state !== 'idle' && training.progress
      ? `${Math.round(training.progress.fraction * 100)}%`
      : null;

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true">
            g
          </span>
          <h1 className="brand-name">Glyph Lab</h1>
        </div>
        <div className="tabs" role="tablist" aria-label="Screens">
          {SCREENS.map((s, i) => (
            <button
              key={s.id}
              id={`tab-${s.id}`}
              type="button"
              role="tab"
              aria-selected={screen === s.id}
              aria-controls={`panel-${s.id}`}
              tabIndex={screen === s.id ? 0 : -1}
              className="tab"
              onClick={() => setScreen(s.id)}
              onKeyDown={(e) => onTabKey(e, i)}
            >
              {s.title}
              {s.id === 'train' && trainingBadge && <span className="tab-badge">{trainingBadge}</span>}
            </button>
          ))}
        </div>
        <ThemePicker />
        <button
          type="button"
          className="btn btn-ghost help-button"
          onClick={() => setHelp(true)}
          aria-label="Keyboard shortcuts"
          title="Keyboard shortcuts (?)"
        >
          ?
        </button>
      </header>
      <main
        className={`panel panel-${screen}`}
        id={`panel-${screen}`}
        role="tabpanel"
        aria-labelledby={`tab-${screen}`}
      >
        <ScreenBody screen={screen} showSaliency={showSaliency} onToggleSaliency={toggleSaliency} />
      </main>
      {help && <HelpOverlay onClose={() => setHelp(false)} />}
      <Notices />
    </div>
  );
}

function ScreenBody({
  screen,
  showSaliency,
  onToggleSaliency,
}: {
  screen: Screen;
  showSaliency: boolean;
  onToggleSaliency: () => void;
}) {
  const { datasets } = useApp();
  if (datasets.error) {
    return (
      <div className="empty-state">
        <h2>Glyph Lab could not read its datasets</h2>
        <p>{datasets.error}</p>
        <button type="button" className="btn btn-primary" onClick={datasets.reload}>
          Try again
        </button>
      </div>
    );
  }
  switch (screen) {
    case 'draw':
      return <DrawScreen showSaliency={showSaliency} onToggleSaliency={onToggleSaliency} />;
    case 'train':
      return <TrainScreen />;
    case 'samples':
      return <SamplesScreen />;
    case 'models':
      return <ModelsScreen />;
  }
}
