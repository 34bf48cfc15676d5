// Pen-path digit forms that MNIST (American Census Bureau clerks and high-school students) rarely has
// but many writers use: the slashed zero, the continental 1 with a long flag and a foot, the crossed
// 7, the open-top 4, the looped 2, the flat-topped 3, the straight-stemmed 9. Each form is a list of
// strokes in a unit box (x right, y down, height 1), drawn the way a hand draws it; the common forms
// are here too so the variants are not a style of their own. Rendered by synth.ts's stroke path.

import type { Contour } from '../letters/outline';
import { arc, join, line } from '../letters/pen-path';

export interface DigitForm {
  readonly digit: number;
  /** Short name, for tests and the README. */
  readonly name: string;
  readonly strokes: readonly Contour[];
  /** Relative frequency among the forms of its digit. */
  readonly weight: number;
}

const oval = arc(0.35, 0.5, 0.3, 0.5, -95, 275);

export const DIGIT_FORMS: readonly DigitForm[] = [
  { digit: 0, name: 'oval', weight: 1, strokes: [oval] },
  { digit: 0, name: 'slashed', weight: 2, strokes: [oval, line([0.62, 0.08], [0.08, 0.92])] },
  { digit: 0, name: 'slashed-through', weight: 1, strokes: [oval, line([0.75, -0.05], [-0.05, 1.05])] },
  { digit: 0, name: 'backslashed', weight: 0.5, strokes: [oval, line([0.08, 0.08], [0.62, 0.92])] },
  // A narrow oval with a steep slash well past its top and bottom (a Greek phi), and a wide one with
  // a shallow slash past its sides (a theta): how two UNIPEN donors' writers slash their zeros.
  {
    digit: 0,
    name: 'phi',
    weight: 2,
    strokes: [arc(0.35, 0.5, 0.2, 0.32, -95, 275), line([0.2, 1], [0.5, 0])],
  },
  {
    digit: 0,
    name: 'theta',
    weight: 2.5,
    strokes: [arc(0.35, 0.5, 0.28, 0.5, -95, 275), line([-0.1, 0.72], [0.82, 0.3])],
  },
  { digit: 1, name: 'bar', weight: 1, strokes: [line([0.5, 0], [0.5, 1])] },
  { digit: 1, name: 'flag', weight: 1, strokes: [line([0.2, 0.22], [0.55, 0], [0.55, 1])] },
  {
    digit: 1,
    name: 'flag-foot',
    weight: 2,
    strokes: [line([0.2, 0.22], [0.55, 0], [0.55, 1]), line([0.25, 1], [0.85, 1])],
  },
  {
    digit: 1,
    name: 'long-flag',
    weight: 1.5,
    strokes: [line([0.05, 0.42], [0.55, 0], [0.55, 1])],
  },
  {
    digit: 1,
    name: 'long-flag-foot',
    weight: 1.5,
    strokes: [line([0.05, 0.42], [0.55, 0], [0.55, 1]), line([0.2, 1], [0.9, 1])],
  },
  {
    digit: 1,
    name: 'flat-flag',
    weight: 1,
    strokes: [line([0.12, 0.1], [0.5, 0], [0.5, 1])],
  },
  {
    digit: 1,
    name: 'flat-flag-foot',
    weight: 1.5,
    strokes: [line([0.1, 0.08], [0.5, 0], [0.5, 1]), line([0.12, 1], [0.88, 1])],
  },
  {
    digit: 2,
    name: 'plain',
    weight: 1,
    strokes: [join(arc(0.35, 0.27, 0.3, 0.25, 195, 370), line([0.62, 0.4], [0.05, 1], [0.72, 1]))],
  },
  {
    digit: 2,
    name: 'looped',
    weight: 1,
    strokes: [
      join(
        arc(0.35, 0.27, 0.3, 0.25, 195, 370),
        line([0.6, 0.42], [0.12, 0.92]),
        arc(0.16, 0.9, 0.08, 0.08, -90, 200),
        line([0.2, 0.98], [0.75, 0.98]),
      ),
    ],
  },
  {
    digit: 3,
    name: 'round',
    weight: 1,
    strokes: [join(arc(0.33, 0.25, 0.27, 0.23, 200, 450), arc(0.33, 0.72, 0.3, 0.27, -90, 160))],
  },
  {
    digit: 3,
    name: 'flat-top',
    weight: 1,
    strokes: [join(line([0.05, 0], [0.62, 0], [0.28, 0.42]), arc(0.33, 0.7, 0.3, 0.28, -80, 160))],
  },
  {
    digit: 4,
    name: 'closed',
    weight: 1,
    strokes: [line([0.55, 1], [0.55, 0], [0.02, 0.66], [0.75, 0.66])],
  },
  {
    digit: 4,
    name: 'open',
    weight: 2,
    strokes: [line([0.12, 0], [0.06, 0.62], [0.75, 0.62]), line([0.55, 0.1], [0.55, 1])],
  },
  {
    digit: 5,
    name: 'plain',
    weight: 1,
    strokes: [
      join(line([0.18, 0], [0.12, 0.45]), arc(0.32, 0.7, 0.3, 0.27, -130, 150)),
      line([0.18, 0], [0.68, 0]),
    ],
  },
  {
    digit: 5,
    name: 'one-stroke',
    weight: 1,
    strokes: [join(line([0.68, 0], [0.16, 0], [0.1, 0.45]), arc(0.32, 0.7, 0.3, 0.27, -130, 150))],
  },
  {
    digit: 6,
    name: 'plain',
    weight: 1,
    strokes: [join(arc(0.6, 0.55, 0.55, 0.55, -80, -180), arc(0.33, 0.72, 0.28, 0.26, 180, 540))],
  },
  {
    digit: 6,
    name: 'straight',
    weight: 1,
    strokes: [join(line([0.55, 0], [0.08, 0.7]), arc(0.33, 0.74, 0.26, 0.24, 170, 530))],
  },
  { digit: 7, name: 'plain', weight: 1, strokes: [line([0.05, 0], [0.7, 0], [0.28, 1])] },
  {
    digit: 7,
    name: 'crossed',
    weight: 2,
    strokes: [line([0.05, 0], [0.7, 0], [0.28, 1]), line([0.25, 0.52], [0.72, 0.5])],
  },
  {
    digit: 7,
    name: 'crossed-left',
    weight: 1.5,
    strokes: [line([0.15, 0.02], [0.72, 0], [0.3, 1]), line([0, 0.56], [0.58, 0.5])],
  },
  { digit: 7, name: 'hooked', weight: 1, strokes: [line([0.05, 0.18], [0.08, 0], [0.7, 0], [0.3, 1])] },
  {
    digit: 8,
    name: 'one-stroke',
    weight: 1,
    strokes: [
      join(
        arc(0.35, 0.25, 0.25, 0.23, 20, -200),
        line([0.12, 0.3], [0.6, 0.68]),
        arc(0.35, 0.74, 0.29, 0.26, -40, 215),
        line([0.1, 0.66], [0.6, 0.3]),
      ),
    ],
  },
  {
    digit: 8,
    name: 'two-loops',
    weight: 1,
    strokes: [arc(0.35, 0.25, 0.24, 0.23, -90, 270), arc(0.35, 0.74, 0.3, 0.26, -90, 270)],
  },
  {
    digit: 9,
    name: 'straight',
    weight: 1,
    strokes: [join(arc(0.33, 0.27, 0.28, 0.26, 0, -360), line([0.61, 0.27], [0.6, 1]))],
  },
  {
    digit: 9,
    name: 'curved',
    weight: 1,
    strokes: [join(arc(0.33, 0.27, 0.28, 0.26, 0, -360), line([0.61, 0.27], [0.5, 0.8], [0.3, 1]))],
  },
  {
    digit: 9,
    name: 'open-loop',
    weight: 1,
    strokes: [
      join(
        arc(0.33, 0.27, 0.28, 0.26, -20, -310),
        line([0.61, 0.2], [0.58, 0.8]),
        arc(0.38, 0.8, 0.2, 0.2, 0, 150),
      ),
    ],
  },
];
