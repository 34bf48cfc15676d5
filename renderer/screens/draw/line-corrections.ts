// The person's corrections laid over a live reading. A correction belongs to a character's ink (the
// keys of its atoms), not to its place in the text: a stroke added further along leaves it standing,
// and it goes when that character's ink changes (a stroke added to it, undone, cleared).

import type { LineCharacter, LineReading } from '../../../datasets/lines/read-line';

/** Character key (its atoms' keys joined) → the text the person chose. */
export type Corrections = ReadonlyMap<string, string>;

/** A character as shown: the reading's, or the person's correction of it. */
export interface ShownCharacter extends LineCharacter {
  /** Its atoms' keys joined: what a correction is kept under. */
  readonly key: string;
  /** What the model read, before any correction. */
  readonly read: string;
  readonly corrected: boolean;
}

export const characterKey = (c: Pick<LineCharacter, 'atoms'>): string => c.atoms.join('|');

export function shownCharacters(reading: LineReading, corrections: Corrections): ShownCharacter[] {
  return reading.characters.map((c) => {
    const key = characterKey(c);
    const chosen = corrections.get(key);
    return {
      ...c,
      key,
      read: c.text,
      text: chosen ?? c.text,
      corrected: chosen !== undefined && chosen !== c.text,
    };
  });
}

export const shownText = (characters: readonly ShownCharacter[]): string =>
  characters.map((c) => c.text).join('');

/** The corrections with `key` set to `text` (choosing what the model read removes the correction). */
export function correct(corrections: Corrections, character: ShownCharacter, text: string): Corrections {
  const next = new Map(corrections);
  if (text === character.read) next.delete(character.key);
  else next.set(character.key, text);
  return next;
}

/** Only the corrections of characters the line still holds (the same map when nothing went). */
export function keepCorrections(corrections: Corrections, reading: LineReading): Corrections {
  if (corrections.size === 0) return corrections;
  const keys = new Set(reading.characters.map(characterKey));
  const kept = new Map([...corrections].filter(([k]) => keys.has(k)));
  return kept.size === corrections.size ? corrections : kept;
}
