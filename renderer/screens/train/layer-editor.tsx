// A small editor for a custom layer list: add, remove, reorder, and each layer's numbers.

import { LAYER_KINDS, type LayerRow, layerRow } from '../../training/spec-form';

export function LayerEditor({
  layers,
  onChange,
}: {
  layers: LayerRow[];
  onChange: (layers: LayerRow[]) => void;
}) {
  const set = (i: number, row: LayerRow) => onChange(layers.map((l, j) => (j === i ? row : l)));
  const swap = (i: number, j: number) => {
    if (j < 0 || j >= layers.length) return;
    const next = [...layers];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  return (
    <div className="layer-editor">
      <ol className="layer-list" aria-label="Layers">
        {layers.map((l, i) => (
          <li key={l.key} className="layer-row">
            <span className="layer-index">{i + 1}</span>
            <select
              aria-label={`Layer ${i + 1} type`}
              value={l.type}
              onChange={(e) => set(i, { ...layerRow(e.target.value), key: l.key })}
            >
              {Object.entries(LAYER_KINDS).map(([type, kind]) => (
                <option key={type} value={type}>
                  {kind.title}
                </option>
              ))}
            </select>
            {Object.entries(l.config).map(([k, v]) => (
              <label key={k} className="layer-field">
                <span>{k}</span>
                <input
                  type="number"
                  value={Number.isFinite(v) ? v : ''}
                  step={k === 'rate' ? 0.05 : 1}
                  min={0}
                  onChange={(e) => set(i, { ...l, config: { ...l.config, [k]: e.target.valueAsNumber } })}
                />
              </label>
            ))}
            <span className="layer-actions">
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={`Move layer ${i + 1} up`}
                onClick={() => swap(i, i - 1)}
              >
                ↑
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={`Move layer ${i + 1} down`}
                onClick={() => swap(i, i + 1)}
              >
                ↓
              </button>
              <button
                type="button"
                className="btn btn-ghost btn-small"
                aria-label={`Remove layer ${i + 1}`}
                onClick={() => onChange(layers.filter((_, j) => j !== i))}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ol>
      <div className="layer-foot">
        <button
          type="button"
          className="btn btn-small"
          onClick={() => onChange([...layers, layerRow('dense')])}
        >
          Add layer
        </button>
        <span className="muted small">
          The last layer is the output: Dense with one unit per class (softmax is part of the loss).
        </span>
      </div>
    </div>
  );
}
