// The labelled form field the screens share (styles/controls.css): a label above its control, with an
// optional help line and the problem found in it, or a label wrapped round a plain choice.

import type { ReactNode } from 'react';

/** One option of a select: the value it stands for and the words shown. */
export interface Choice {
  id: string;
  title: string;
}

/** A select's options, in order. */
export function ChoiceOptions({ choices }: { choices: readonly Choice[] }) {
  return choices.map((c) => (
    <option key={c.id} value={c.id}>
      {c.title}
    </option>
  ));
}

/**
 * A field whose label points at its control (`htmlFor`), then the control, the help line (shown
 * whenever `helpId` is given, so the id a control is described by always exists) and the problem.
 * The control marks itself (`aria-invalid`, `aria-describedby`): only it knows which ids apply.
 */
export function Field(props: {
  htmlFor: string;
  label: ReactNode;
  className?: string;
  help?: ReactNode;
  helpId?: string;
  error?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={props.className ? `field ${props.className}` : 'field'}>
      <label className="field-label" htmlFor={props.htmlFor}>
        {props.label}
      </label>
      {props.children}
      {props.helpId && (
        <span className="field-help" id={props.helpId}>
          {props.help}
        </span>
      )}
      {props.error}
    </div>
  );
}

/** A select named by the label wrapped round it: a plain choice with no help and no problem to show. */
export function ChoiceField<T extends string>(props: {
  label: string;
  className?: string;
  value: T;
  choices: readonly { id: T; title: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <label className={props.className ? `field ${props.className}` : 'field'}>
      <span className="field-label">{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value as T)}>
        <ChoiceOptions choices={props.choices} />
      </select>
    </label>
  );
}
