// Threads: the advanced setting that says how many cores a run trains on (Auto, or 1 to the machine's
// cores, which main reports in `app:info`), and the line that says how many it used and why.

import type { ThreadsSetting, ThreadsUsed } from '../../../app/shared/types';

interface Props {
  value: ThreadsSetting;
  onChange: (value: ThreadsSetting) => void;
  /** The machine's cores (null until main has answered). */
  cores: number | null;
  disabled: boolean;
}

/** The choices: Auto, then 1 to `cores` threads. */
export function threadChoices(cores: number | null): ThreadsSetting[] {
  return ['auto', ...Array.from({ length: Math.max(1, cores ?? 1) }, (_, i) => i + 1)];
}

export function ThreadsField({ value, onChange, cores, disabled }: Props) {
  return (
    <details className="train-advanced">
      <summary>Advanced</summary>
      <label className="field">
        <span className="field-label">Threads</span>
        <select
          aria-label="Threads"
          aria-describedby="train-threads-help"
          value={String(value)}
          disabled={disabled}
          onChange={(e) => onChange(e.target.value === 'auto' ? 'auto' : Number(e.target.value))}
        >
          {threadChoices(cores).map((t) => (
            <option key={t} value={String(t)}>
              {t === 'auto'
                ? `Auto (every core for CNNs, 1 for MLPs)`
                : t === 1
                  ? '1 thread'
                  : `${t} threads`}
            </option>
          ))}
        </select>
        <span className="field-help" id="train-threads-help">
          The same seed gives the same weights on the same number of threads; another number gives different,
          equally good ones.
        </span>
      </label>
    </details>
  );
}

/** "Training on 2 threads" while a run goes on, "Trained on 2 threads" after; the reason as its title. */
export function threadsText(threads: ThreadsUsed, running: boolean): string {
  const n = `${threads.count} thread${threads.count === 1 ? '' : 's'}`;
  return `${running ? 'Training' : 'Trained'} on ${n}`;
}

export function ThreadsLine({ threads, running }: { threads: ThreadsUsed | undefined; running: boolean }) {
  if (!threads) return null;
  return (
    <span className="muted small train-threads" title={threads.reason}>
      {threadsText(threads, running)} ({threads.reason.replace(/^\d+ threads?: /, '')})
    </span>
  );
}
