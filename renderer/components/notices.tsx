// Transient notices (saved, imported, failed), announced politely to screen readers: only the ones
// raised on the screen shown (state/notices.ts), a repeated one counted rather than stacked.

import { useApp } from '../state/app-context';
import { noticesOn } from '../state/notices';

export function Notices() {
  const { notices, dismiss, screen } = useApp();
  return (
    <div className="notices" role="status" aria-live="polite">
      {noticesOn(notices, screen).map((n) => (
        <div key={n.id} className={`toast toast-${n.kind}`}>
          <span>
            {n.text}
            {n.count > 1 && <span className="toast-count"> ×{n.count}</span>}
          </span>
          <button
            type="button"
            className="btn btn-ghost btn-small"
            onClick={() => dismiss(n.id)}
            aria-label="Dismiss"
          >
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
