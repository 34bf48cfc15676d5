// Undo, Redo and Clear for a drawing: the buttons every drawing toolbar starts with (the Draw screen's
// character and line modes), with the shortcuts app.tsx binds shown as their titles.

import { useSyncExternalStore } from 'react';
import { hasInk, type StrokeMachine } from '../canvas/stroke-machine';

export function StrokeButtons({
  strokes,
  undoLabel = 'Undo',
}: {
  strokes: StrokeMachine;
  undoLabel?: string;
}) {
  const snap = useSyncExternalStore(strokes.subscribe, strokes.getSnapshot);
  const buttons = [
    { label: undoLabel, run: () => strokes.undo(), enabled: snap.canUndo, shortcut: 'Ctrl+Z' },
    { label: 'Redo', run: () => strokes.redo(), enabled: snap.canRedo, shortcut: 'Ctrl+Shift+Z' },
    { label: 'Clear', run: () => strokes.clear(), enabled: hasInk(snap), shortcut: 'Delete' },
  ];
  return buttons.map((b) => (
    <button
      key={b.label}
      type="button"
      className="btn"
      onClick={b.run}
      disabled={!b.enabled}
      title={b.shortcut}
    >
      {b.label}
    </button>
  ));
}
