// How a class is shown to the person. The letters models are case-merged: one class "E" stands for
// both "E" and "e" (the datasets fold small letters into capitals). Shown as "E" alone, a drawn "e"
// reads as a wrong answer, so such a class is shown as "E e". The model's classes stay as they are;
// this is display only.

const CAPITAL = /^\p{Lu}$/u;

/**
 * The label shown for `label`: "E e" for a capital letter whose small form is not a class of its own
 * in `classes`, the label itself otherwise (digits, symbols, words, and sets that keep both cases).
 */
export function displayLabel(label: string, classes: readonly string[]): string {
  if (!CAPITAL.test(label)) return label;
  const small = label.toLowerCase();
  if (small === label || classes.includes(small)) return label;
  return `${label} ${small}`;
}

/** True when some class of `classes` stands for both cases of a letter (the note under the bars says so). */
export function isCaseMerged(classes: readonly string[]): boolean {
  return classes.some((c) => displayLabel(c, classes) !== c);
}
