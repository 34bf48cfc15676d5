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
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => strokes.undo()}
        disabled={!snap.canUndo}
        title="Ctrl+Z"
      >
        {undoLabel}
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => strokes.redo()}
        disabled={!snap.canRedo}
        title="Ctrl+Shift+Z"
      >
        Redo
      </button>
      <button
        type="button"
        className="btn"
        onClick={() => strokes.clear()}
        disabled={!hasInk(snap)}
        title="Delete"
      >
        Clear
      </button>
    </>
  );
}
