// The keyboard shortcuts, listed from the one table in shortcuts.ts, and the data credits (data-credits.ts).

import { useEffect, useRef } from 'react';
import { keyLabel, SHORTCUTS } from '../shortcuts';
import { DATA_CREDITS } from './data-credits';

const mac = /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      className="help"
      aria-labelledby="help-title"
      onClose={onClose}
      onClick={(e) => {
        if (e.target === ref.current) onClose();
      }}
      onKeyDown={(e) => {
        if (e.key === '?') onClose();
      }}
    >
      <header className="help-head">
        <h2 id="help-title">Keyboard shortcuts</h2>
        <button type="button" className="btn btn-ghost" onClick={onClose} aria-label="Close help">
          ✕
        </button>
      </header>
      <table className="shortcut-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td>{s.description}</td>
              <td className="keys">
                {s.keys.map((k) => (
                  <kbd key={k}>{keyLabel(k, mac)}</kbd>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Draw with a mouse, pen or finger. Pen pressure changes the stroke width on screen; the network always
        sees the same normalized 28 × 28 image.
      </p>
      <section className="credits" aria-labelledby="credits-title">
        <h3 id="credits-title">Data credits</h3>
        {DATA_CREDITS.map((c) => (
          <div key={c.url} className="credit">
            <p>
              <strong>{c.usedIn}:</strong> {c.credit}
            </p>
            <p className="muted small">
              Licence {c.licence} · {c.url} · Our changes: {c.changes}
            </p>
          </div>
        ))}
      </section>
    </dialog>
  );
}
