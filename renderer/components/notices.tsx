// Transient notices (saved, imported, failed), announced politely to screen readers.

import { useApp } from '../state/app-context';

export function Notices() {
  const { notices, dismiss } = useApp();
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`toast toast-${n.kind}`}>
          <span>{n.text}</span>
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
