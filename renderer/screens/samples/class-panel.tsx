// The classes of a custom set: counts, warnings, add / rename / delete.

import { useState } from 'react';
import type { DatasetInfo } from '../../../app/shared/types';
import { api } from '../../api';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/use-api';
import { RenameForm } from './rename-form';

/** Fewer samples than this per class and the network has too little to learn from. */
export const MIN_SAMPLES_PER_CLASS = 10;

export function ClassPanel({
  dataset,
  selected,
  onSelect,
}: {
  dataset: DatasetInfo;
  selected: string;
  onSelect: (label: string) => void;
}) {
  const { notify } = useApp();
  const [newLabel, setNewLabel] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const fail = (e: unknown) => notify('error', errorMessage(e));

  const add = (e: React.FormEvent) => {
    e.preventDefault();
    const label = newLabel.trim();
    if (!label) return;
    api()
      .datasets.addClass({ id: dataset.id, label })
      .then(() => {
        setNewLabel('');
        onSelect(label);
      })
      .catch(fail);
  };
  const rename = (from: string, to: string) =>
    api()
      .datasets.renameClass({ id: dataset.id, from, to })
      .then(() => {
        if (selected === from) onSelect(to);
        setRenaming(null);
      })
      .catch(fail);
  const remove = (label: string) => {
    const n = dataset.counts?.[label] ?? 0;
    if (n > 0 && !window.confirm(`Delete the class "${label}" and its ${n} samples?`)) return;
    api().datasets.deleteClass({ id: dataset.id, label }).catch(fail);
  };

  return (
    <div className="class-panel">
      <div role="radiogroup" aria-label="Label" className="class-list">
        {dataset.classes.map((label) => {
          const n = dataset.counts?.[label] ?? 0;
          const few = n < MIN_SAMPLES_PER_CLASS;
          return (
            <div key={label} className={`class-item ${selected === label ? 'is-selected' : ''}`}>
              {renaming === label ? (
                <RenameForm
                  label={`New name for ${label}`}
                  name={label}
                  maxLength={64}
                  onSave={(to) => rename(label, to)}
                  onCancel={() => setRenaming(null)}
                />
              ) : (
                <>
                  {/* biome-ignore lint/a11y/useSemanticElements: the WAI-ARIA radio group pattern. */}
                  <button
                    type="button"
                    role="radio"
                    aria-checked={selected === label}
                    className="class-pick"
                    onClick={() => onSelect(label)}
                  >
                    <span className="class-glyph">{label}</span>
                    <span className={`class-count ${few ? 'is-few' : ''}`}>{countText(n)}</span>
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost btn-small"
                    aria-label={`Rename class ${label}`}
                    onClick={() => setRenaming(label)}
                  >
                    Rename
                  </button>
                  <button
                    type="button"
                    className="btn btn-ghost btn-small"
                    aria-label={`Delete class ${label}`}
                    onClick={() => remove(label)}
                  >
                    Delete
                  </button>
                </>
              )}
            </div>
          );
        })}
      </div>
      <form className="inline-form" onSubmit={add}>
        <input
          aria-label="New class label"
          placeholder="New class, e.g. ★"
          value={newLabel}
          onChange={(e) => setNewLabel(e.target.value)}
          maxLength={64}
        />
        <button type="submit" className="btn btn-small" disabled={!newLabel.trim()}>
          Add class
        </button>
      </form>
    </div>
  );
}

/** "12 samples", or "8 · too few, 10 needed" while a class has too few to learn from. */
export function countText(n: number): string {
  if (n < MIN_SAMPLES_PER_CLASS) return `${n} · too few, ${MIN_SAMPLES_PER_CLASS} needed`;
  return `${n} sample${n === 1 ? '' : 's'}`;
}
