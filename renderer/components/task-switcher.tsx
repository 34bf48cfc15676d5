// The task: digits, letters or one of the person's own sets, as a radio group.

import type { DatasetInfo } from '../../app/shared/types';

export function TaskSwitcher({
  datasets,
  value,
  onChange,
}: {
  datasets: DatasetInfo[];
  value: string;
  onChange: (id: string) => void;
}) {
  const move = (delta: number) => {
    const i = datasets.findIndex((d) => d.id === value);
    const next = datasets[(i + delta + datasets.length) % datasets.length];
    if (next) {
      onChange(next.id);
      requestAnimationFrame(() => document.getElementById(`task-${next.id}`)?.focus());
    }
  };
  return (
    <div
      className="segmented"
      role="radiogroup"
      aria-label="Task"
      onKeyDown={(e) => {
        if (e.key === 'ArrowRight' || e.key === 'ArrowDown') {
          e.preventDefault();
          move(1);
        } else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') {
          e.preventDefault();
          move(-1);
        }
      }}
    >
      {datasets.map((d) => (
        // biome-ignore lint/a11y/useSemanticElements: the WAI-ARIA radio group pattern (segmented control, roving tabindex).
        <button
          key={d.id}
          id={`task-${d.id}`}
          type="button"
          role="radio"
          aria-checked={d.id === value}
          tabIndex={d.id === value ? 0 : -1}
          className="segment"
          onClick={() => onChange(d.id)}
          title={d.provenance}
        >
          {taskTitle(d)}
        </button>
      ))}
    </div>
  );
}

/**
 * The tasks a person draws for: one per bundled task (its first set in the registry: MNIST for digits,
 * letters for letters; the pen sets are training data, not tasks of their own), then each own set.
 */
export function drawTasks(datasets: readonly DatasetInfo[]): DatasetInfo[] {
  return datasets.filter((d, i) => d.task === 'custom' || datasets.findIndex((x) => x.task === d.task) === i);
}

export function taskTitle(d: DatasetInfo): string {
  if (d.task === 'digits') return 'Digits';
  if (d.task === 'letters') return 'Letters';
  if (d.task === 'characters') return 'Characters';
  return d.title;
}
