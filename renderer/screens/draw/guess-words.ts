// What the Draw screen says about a prediction, DOM-free: the eyebrow over the big label, the label,
// the line under it and what a screen reader hears. Four states: no ink yet, an answer ("93%
// confident"), "Not sure" (maybe X or Y), and "Not a character" for a scribble or a dot, which names
// no class at all.

import { formatPercent, type Prediction } from '../../inference/prediction';

export interface GuessWords {
  eyebrow: string;
  /** The big label: the class as shown, "–" before any ink, "?" for no character. */
  label: string;
  /** The label names nothing (no ink yet, no character): shown faint. */
  empty: boolean;
  /** A guess rather than an answer: shown in the warning colour. */
  unsure: boolean;
  detail: string;
  spoken: string;
}

/** `thing`: what the task draws ("digit", "letter", "character"); `ready`: a model is loaded. */
export function guessWords(p: Prediction | null, thing: string, ready: boolean): GuessWords {
  if (!p)
    return {
      eyebrow: 'Prediction',
      label: '–',
      empty: true,
      unsure: false,
      detail: ready ? 'waiting for ink' : '',
      spoken: '',
    };
  if (p.notACharacter)
    return {
      eyebrow: 'Not a character',
      label: '?',
      empty: true,
      unsure: false,
      detail: `draw one ${thing}`,
      spoken: `Not a character: draw one ${thing}`,
    };
  if (p.notSure) {
    const maybe = `maybe ${p.ranked[0]!.label} or ${p.ranked[1]?.label ?? '?'}`;
    return {
      eyebrow: 'Not sure',
      label: p.top.label,
      empty: false,
      unsure: true,
      detail: maybe,
      spoken: `Not sure: ${maybe}`,
    };
  }
  return {
    eyebrow: 'Prediction',
    label: p.top.label,
    empty: false,
    unsure: false,
    detail: `${formatPercent(p.top.probability)} confident`,
    spoken: `Prediction ${p.top.label}, ${formatPercent(p.top.probability)}`,
  };
}
