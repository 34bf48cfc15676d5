// Where a code's character errors are, on the VALIDATION donor's lines (ibm; never the held-out
// writers): each character of the tuning codes alone, on its own strokes, read by the Characters model
// (over all 36 classes, its digit-or-letter call, inside the true kind), by the Digits or Letters
// model, and combined (datasets/lines/specialists.ts). The diagnosis behind
// docs/experiments/2026-12-05-line-specialists.md. Prints; writes nothing.
//
//   npx tsx bench/line-kind-errors.ts

import { loadUnipen } from '../datasets/handwriting/unipen';
import { VALIDATION_DONORS } from '../datasets/handwriting/writers';
import { argmax, isDigit } from '../datasets/lines/context';
import { lineText } from '../datasets/lines/line-texts';
import { combineSpecialists } from '../datasets/lines/specialists';
import { writerLines } from '../datasets/lines/writer-lines';
import { normalizeStrokes, strokesFromPairs } from '../datasets/normalize';
import { builtInDir, loadLineModel } from './line-models';

const samples = loadUnipen();
const characters = loadLineModel(builtInDir('characters'));
const digits = loadLineModel(builtInDir('digits'));
const letters = loadLineModel(builtInDir('letters'));
if (!samples || !characters || !digits || !letters)
  throw new Error('the pen handwriting or a built-in model is missing');
// The tuning lines of bench/line-tuning.ts at the bench's spacing (seed 5, 300 lines).
const lines = writerLines(samples, [...VALIDATION_DONORS], (rng) => lineText('codes', rng), 300, 5, {
  gap: [0.12, 0.45],
});
const counts = new Map<string, number>();
const count = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);
const nDigits = characters.classes.filter(isDigit).length;
for (const line of lines) {
  const strokes = strokesFromPairs(line.strokes);
  for (let c = 0; c < line.text.length; c++) {
    const input = normalizeStrokes(strokes.filter((_, s) => line.owner[s] === c));
    const truth = line.text[c];
    const kind = isDigit(truth) ? 'digits' : 'letters';
    count(`${kind}: characters`);
    const p = Float64Array.from(characters.predict(input));
    const pd = Float64Array.from(digits.predict(input));
    const pl = Float64Array.from(letters.predict(input));
    const right = (q: ArrayLike<number>, classes: readonly string[]) => classes[argmax(q)] === truth;
    if (right(p, characters.classes)) count(`${kind}: Characters, 36 classes`);
    const digitMass = p.slice(0, nDigits).reduce((a, b) => a + b, 0);
    if (digitMass > 0.5 === isDigit(truth)) count(`${kind}: Characters, the kind right`);
    const inside = isDigit(truth) ? p.slice(0, nDigits) : p.slice(nDigits);
    if (
      right(inside, isDigit(truth) ? characters.classes.slice(0, nDigits) : characters.classes.slice(nDigits))
    )
      count(`${kind}: Characters, inside the true kind`);
    if (isDigit(truth) ? right(pd, digits.classes) : right(pl, letters.classes))
      count(`${kind}: the specialist`);
    for (const w of [0.25, 1]) {
      const readings = [
        { classes: digits.classes, probs: pd },
        { classes: letters.classes, probs: pl },
      ];
      if (right(combineSpecialists(p, characters.classes, readings, w), characters.classes))
        count(`${kind}: combined, w = ${w}`);
    }
  }
}
for (const [what, n] of [...counts].sort()) console.log(`${what}: ${n}`);
