// "Save as samples": the line's characters, each as a sample of its (corrected) label in one of the
// person's sets (the Samples screen's), through the same `samples:add` as a drawing saved there.

import { useState } from 'react';
import { api } from '../../api';
import { useApp } from '../../state/app-context';
import { errorMessage } from '../../state/use-api';
import type { ShownCharacter } from './line-corrections';
import type { LineRead } from './line-reading';
import { lineSamples, saveSamples, saveWords } from './line-samples';

export function LineSavePanel({
  read,
  characters,
  onSaved,
}: {
  read: LineRead;
  characters: readonly ShownCharacter[];
  /** Every character saved: the line is cleared for the next one (as Samples clears a saved drawing; undo brings it back). */
  onSaved: () => void;
}) {
  const { datasets, notify, navigate } = useApp();
  const sets = datasets.items.filter((d) => d.custom);
  const [setId, setSetId] = useState('');
  const set = sets.find((d) => d.id === setId) ?? sets[0] ?? null;
  const [saving, setSaving] = useState(false);
  const [result, setResult] = useState('');

  if (!set) {
    return (
      <div className="line-save">
        <p className="muted small">
          To keep this line as training samples, create a set on the Samples screen.
        </p>
        <button type="button" className="btn" onClick={() => navigate({ screen: 'samples' })}>
          Open Samples
        </button>
      </div>
    );
  }

  const save = async () => {
    if (characters.length === 0) {
      notify('error', 'Nothing to save: write a line first.');
      return;
    }
    setSaving(true);
    try {
      const samples = lineSamples(read, characters);
      const outcome = await saveSamples(
        samples,
        (s) =>
          api().samples.add({
            datasetId: set.id,
            label: s.label,
            image: new Float32Array(s.image),
            strokes: s.strokes,
          }),
        errorMessage,
      );
      const words = saveWords(outcome, set.title);
      setResult(words.text);
      notify(words.kind, words.text);
      if (!outcome.failed) onSaved();
    } catch (e) {
      const text = `Nothing was saved: ${errorMessage(e)}`;
      setResult(text);
      notify('error', text);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className="line-save">
      <label className="field field-inline">
        <span className="field-label">Save to</span>
        <select value={set.id} onChange={(e) => setSetId(e.target.value)} aria-label="Save to set">
          {sets.map((d) => (
            <option key={d.id} value={d.id}>
              {d.title}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="btn btn-primary"
        onClick={save}
        disabled={saving || characters.length === 0}
      >
        {characters.length > 0
          ? `Save ${characters.length} character${characters.length === 1 ? '' : 's'} as samples`
          : 'Save as samples'}
      </button>
      <p className="muted small line-save-result" aria-live="polite">
        {result}
      </p>
    </div>
  );
}
