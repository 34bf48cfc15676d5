import { describe, expect, it } from 'vitest';
import { strokesFromPairs } from '../normalize';
import { digitLines, loadHeldOutUnipen } from './held-out-lines';
import { hashStrokes, segmentStrokes, strokeDistance, strokesOfAtoms } from './segment-strokes';

type Pairs = [number, number][];
const line = (...strokes: Pairs[]) => strokesFromPairs(strokes);
/** A vertical stem from (x, top) to (x, top + h). */
const stem = (x: number, top = 0, h = 100): Pairs => [
  [x, top],
  [x, top + h],
];

describe('segmentStrokes', () => {
  it('keeps separate characters apart, ordered left to right whatever the writing order', () => {
    const atoms = segmentStrokes(line(stem(200), stem(0), stem(100)));
    expect(atoms.map((a) => a.id)).toEqual(['s1', 's2', 's0']);
    expect(atoms[0].box).toEqual({ x0: 0, y0: 0, x1: 0, y1: 100 });
  });

  it('binds a stroke that crosses another (the bar of a 7, the cross of a t)', () => {
    const seven: Pairs[] = [
      [
        [0, 0],
        [60, 0],
        [20, 100],
      ],
      [
        [15, 50],
        [55, 50],
      ],
    ];
    const atoms = segmentStrokes(line(...seven, stem(150)));
    expect(atoms.map((a) => a.id)).toEqual(['s0+s1', 's2']);
  });

  it('binds the dot of an i written at the end of the word, and the floating flag of a 5', () => {
    const i: Pairs[] = [stem(0, 40, 60), stem(100), [[1, 10]]];
    expect(segmentStrokes(line(...i)).map((a) => a.id)).toEqual(['s0+s2', 's1']);
    const five: Pairs[] = [
      [
        [10, 10],
        [5, 45],
        [50, 55],
        [45, 95],
        [0, 100],
      ],
      [
        [14, 0],
        [60, 2],
      ],
    ];
    expect(segmentStrokes(line(...five)).map((a) => a.id)).toEqual(['s0+s1']);
  });

  it('binds a stroke that goes back and nearly touches, not one that starts right of all the ink', () => {
    // A 4: the stem comes down just short of the arm it should cross.
    const four: Pairs[] = [
      [
        [30, 0],
        [0, 60],
        [60, 60],
      ],
      [
        [45, 20],
        [45, 58],
        [45, 100],
      ],
    ];
    expect(segmentStrokes(line(...four)).map((a) => a.id)).toEqual(['s0+s1']);
    // Two characters written 2 units apart (a fiftieth of their height): the second starts a character.
    const close: Pairs[] = [
      [
        [0, 0],
        [40, 50],
        [0, 100],
      ],
      [
        [42, 0],
        [42, 100],
      ],
    ];
    expect(segmentStrokes(line(...close)).map((a) => a.id)).toEqual(['s0', 's1']);
    expect(segmentStrokes(line(stem(0), stem(30))).map((a) => a.id)).toEqual(['s0', 's1']);
  });

  it('gives the strokes of atoms back in time order, and a key that follows the ink', () => {
    const strokes = line(stem(0), stem(100), [[1, -20]]);
    const atoms = segmentStrokes(strokes);
    expect(strokesOfAtoms(strokes, [atoms[1], atoms[0]])).toEqual([strokes[0], strokes[1], strokes[2]]);
    const moved = segmentStrokes(line(stem(0), stem(101), [[1, -20]]));
    expect(moved[0].key).toBe(atoms[0].key);
    expect(moved[1].id).toBe(atoms[1].id);
    expect(moved[1].key).not.toBe(atoms[1].key);
    expect(hashStrokes(strokes)).toBe(hashStrokes(line(stem(0), stem(100), [[1, -20]])));
  });

  it('measures the distance between polylines (0 when crossing)', () => {
    const [a, b, c] = line(
      [
        [0, 0],
        [10, 10],
      ],
      [
        [0, 10],
        [10, 0],
      ],
      [
        [20, 0],
        [20, 10],
      ],
    );
    expect(strokeDistance(a, b)).toBe(0);
    expect(strokeDistance(a, c)).toBeCloseTo(10);
  });

  it('skips strokes without a finite point', () => {
    expect(segmentStrokes(line([[Number.NaN, 0]], stem(0))).map((a) => a.id)).toEqual(['s1']);
    expect(segmentStrokes([])).toEqual([]);
  });
});

const unipen = loadHeldOutUnipen();

describe.skipIf(!unipen)('segmentStrokes on real handwriting (held-out UNIPEN writers)', () => {
  it.each([
    ['usual gaps (0.12–0.45 × height)', [0.12, 0.45] as const, 0.95],
    ['tight gaps (0–0.15 × height)', [0, 0.15] as const, 0.95],
  ])('keeps the characters of composed lines apart and mostly whole: %s', (name, gap, wholeShare) => {
    const lines = digitLines(unipen!, 200, 5, 19, { gap });
    let chars = 0;
    let whole = 0;
    let mixed = 0;
    let linesWhole = 0;
    for (const l of lines) {
      const atoms = segmentStrokes(strokesFromPairs(l.strokes));
      const owners = atoms.map((a) => new Set(a.strokes.map((s) => l.owner[s])));
      mixed += owners.filter((o) => o.size > 1).length;
      let lineWhole = 0;
      for (let c = 0; c < l.boxes.length; c++) {
        const own = atoms.filter((_, i) => owners[i].has(c));
        if (own.length === 1 && owners[atoms.indexOf(own[0])].size === 1) lineWhole++;
      }
      chars += l.boxes.length;
      whole += lineWhole;
      if (lineWhole === l.boxes.length) linesWhole++;
    }
    console.log(
      `segmentStrokes, 200 lines of 5 digits, ${name}: ${((100 * whole) / chars).toFixed(1)} % of characters are one atom, ` +
        `${((100 * linesWhole) / lines.length).toFixed(1)} % of lines all whole, ${mixed} atoms mixing two characters`,
    );
    expect(mixed / chars).toBeLessThan(0.01);
    expect(whole / chars).toBeGreaterThan(wholeShare);
  });
});
