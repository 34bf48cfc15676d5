// The inline rename of a set or a class: the name in a text box, Save and Cancel. It starts from the
// current name each time it opens, and saves only a name that is not blank (trimmed).

import { useState } from 'react';

export function RenameForm(props: {
  /** What the text box is called for a screen reader: "New set title". */
  label: string;
  name: string;
  maxLength: number;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState(props.name);
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) props.onSave(name.trim());
      }}
    >
      <input
        aria-label={props.label}
        value={name}
        onChange={(e) => setName(e.target.value)}
        maxLength={props.maxLength}
      />
      <button type="submit" className="btn btn-small">
        Save
      </button>
      <button type="button" className="btn btn-ghost btn-small" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}
