// A small choice as a segmented control (the WAI-ARIA radio group: one Tab stop, arrow keys move and
// choose): the Draw screen's task, its mode and Line mode's kind of line.

import { useId } from 'react';

export interface Choice<T extends string> {
  readonly value: T;
  readonly label: string;
  /** A longer description (the tooltip). */
  readonly title?: string;
}

export function SegmentedChoice<T extends string>({
  label,
  choices,
  value,
  onChange,
}: {
  label: string;
  choices: readonly Choice<T>[];
  value: T;
  onChange: (value: T) => void;
}) {
  const id = useId();
  const move = (delta: number) => {
    const i = choices.findIndex((c) => c.value === value);
    const next = choices[(i + delta + choices.length) % choices.length];
    if (next) {
      onChange(next.value);
      requestAnimationFrame(() => document.getElementById(`${id}-${next.value}`)?.focus());
    }
  };
  return (
    <div
      className="segmented"
      role="radiogroup"
      aria-label={label}
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
      {choices.map((c) => (
        // biome-ignore lint/a11y/useSemanticElements: the WAI-ARIA radio group pattern (segmented control, roving tabindex).
        <button
          key={c.value}
          id={`${id}-${c.value}`}
          type="button"
          role="radio"
          aria-checked={c.value === value}
          tabIndex={c.value === value ? 0 : -1}
          className="segment"
          onClick={() => onChange(c.value)}
          title={c.title}
        >
          {c.label}
        </button>
      ))}
    </div>
  );
}
