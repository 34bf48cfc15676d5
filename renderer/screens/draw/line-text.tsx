// The line's answer: each character with its confidence, as buttons in reading order. A click (or
// Enter) on one shows its top 3 readings; picking one corrects it in place.

import { formatPercent } from '../../inference/prediction';
import type { ShownCharacter } from './line-corrections';

export function LineText({
  characters,
  selected,
  onSelect,
}: {
  characters: readonly ShownCharacter[];
  selected: string | null;
  onSelect: (key: string | null) => void;
}) {
  if (characters.length === 0) return <p className="muted line-empty">Nothing read yet.</p>;
  return (
    <ol className="line-characters" aria-label="Characters read">
      {characters.map((c, i) => (
        <li key={c.key}>
          <button
            type="button"
            id={characterButtonId(i)}
            className={`line-character ${c.corrected ? 'is-corrected' : ''} ${c.confidence < 0.6 && !c.corrected ? 'is-unsure' : ''}`}
            aria-pressed={selected === c.key}
            aria-label={`Character ${i + 1}: ${c.text}, ${c.corrected ? `corrected (read ${c.read})` : `${formatPercent(c.confidence)} confident`}`}
            onClick={() => onSelect(selected === c.key ? null : c.key)}
          >
            <span className="line-glyph">{c.text}</span>
            <span className="line-confidence">{c.corrected ? 'fixed' : formatPercent(c.confidence)}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}

/** The id of the i-th character's button: focus goes back to it when its alternatives close. */
export const characterButtonId = (index: number): string => `line-character-${index}`;

export function LineAlternatives({
  character,
  index,
  onPick,
  onClose,
}: {
  character: ShownCharacter;
  index: number;
  onPick: (text: string) => void;
  onClose: () => void;
}) {
  return (
    <fieldset
      className="line-alternatives"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <legend className="line-alternatives-label">Alternatives for character {index + 1}</legend>
      {character.alternatives.map((a) => (
        <button
          key={a.text}
          type="button"
          className="btn line-alternative"
          aria-pressed={a.text === character.text}
          aria-label={`${a.text}, ${formatPercent(a.probability)}`}
          onClick={() => onPick(a.text)}
        >
          <span className="line-glyph">{a.text}</span> <small>{formatPercent(a.probability)}</small>
        </button>
      ))}
    </fieldset>
  );
}
