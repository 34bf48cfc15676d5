// Specialists inside the kind. The Characters model (0–9 and A–Z) is good at telling a digit from a
// letter but weaker than the single-task models at telling which digit or which letter. So a mixed
// line's candidate is read by all three: the Characters model gives the kind (the sum of its digit
// and of its letter probabilities), the Digits and Letters models give the class within it:
//   p(c) = P_char(kind(c)) · q(c | kind(c)),   q ∝ P_char(c | kind)^(1 − w) · P_specialist(c | kind)^w
// w = 1 trusts the specialist alone inside the kind, w = 0 is the Characters model unchanged.

import { isDigit, isLetter } from './context';

/** One specialist's reading of the candidate: probabilities over its own classes. */
export interface SpecialistReading {
  readonly classes: readonly string[];
  readonly probs: ArrayLike<number>;
}

/**
 * w when the caller names none, chosen on the validation donor's lines (bench/line-tuning.ts; the
 * study docs/experiments/2026-12-05-line-specialists.md): inside its kind the Characters model is
 * nearly as good as the specialists, so they only nudge it; w = 1 was worse.
 */
export const SPECIALIST_WEIGHT = 0.25;

/**
 * The Characters model's probabilities with each kind's share redistributed by its specialist (a
 * fresh array over `classes`). A kind without a specialist, or a class the specialist does not know,
 * keeps the Characters model's own share.
 */
export function combineSpecialists(
  probs: ArrayLike<number>,
  classes: readonly string[],
  specialists: readonly SpecialistReading[],
  weight = SPECIALIST_WEIGHT,
): Float64Array {
  const out = Float64Array.from(probs);
  for (const kind of [isDigit, isLetter]) {
    const specialist = specialists.find((s) => s.classes.some(kind));
    if (!specialist) continue;
    const own = new Map<string, number>();
    specialist.classes.forEach((c, k) => {
      if (kind(c)) own.set(c.toUpperCase(), specialist.probs[k]);
    });
    const members = classes.flatMap((c, k) => (kind(c) && own.has(c.toUpperCase()) ? [k] : []));
    const mass = members.reduce((a, k) => a + out[k], 0);
    const ownMass = members.reduce((a, k) => a + own.get(classes[k].toUpperCase())!, 0);
    if (mass <= 0 || ownMass <= 0) continue;
    const mixed = members.map((k) => {
      const q = out[k] / mass;
      const s = own.get(classes[k].toUpperCase())! / ownMass;
      return q ** (1 - weight) * s ** weight;
    });
    const sum = mixed.reduce((a, b) => a + b, 0);
    if (sum <= 0) continue;
    members.forEach((k, i) => {
      out[k] = (mass * mixed[i]) / sum;
    });
  }
  return out;
}

/** A classifier of single characters: the normalized [784] input → one probability per class. */
export interface CharacterModel {
  readonly classes: readonly string[];
  predict(input: Float32Array): ArrayLike<number>;
}

/** The single-task models that read inside a kind; either may be missing (not trained, still loading). */
export interface Specialists {
  readonly digits?: CharacterModel | null;
  readonly letters?: CharacterModel | null;
}

/**
 * A model that knows digits and letters (the Characters model), with the Digits and Letters models
 * deciding which digit and which letter: up to three forward passes per candidate. Without
 * specialists, or at w = 0, the model itself.
 */
export function withSpecialists<M extends CharacterModel>(
  model: M,
  specialists: Specialists,
  weight = SPECIALIST_WEIGHT,
): CharacterModel {
  const present = [specialists.digits, specialists.letters].filter((m): m is CharacterModel => !!m);
  const knowsBoth = model.classes.some(isDigit) && model.classes.some(isLetter);
  if (present.length === 0 || weight === 0 || !knowsBoth) return model;
  return {
    classes: model.classes,
    predict: (input) => {
      // A copy first: a Recognizer hands back a buffer it reuses on its next call.
      const own = Float64Array.from(model.predict(input));
      const readings = present.map((m) => ({ classes: m.classes, probs: m.predict(input) }));
      return combineSpecialists(own, model.classes, readings, weight);
    },
  };
}
