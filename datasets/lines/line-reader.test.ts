import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Recognizer } from '../../engine/predict';
import { deserializeModel } from '../../engine/serialize';
import { normalizeStrokes, type Stroke, strokesFromPairs } from '../normalize';
import { LineReader } from './line-reader';
import type { Candidate } from './read-line';
import { type StrokeAtom, segmentStrokes, strokesOfAtoms } from './segment-strokes';

const dir = new URL('../../models/digits/', import.meta.url);
const { model, meta } = deserializeModel(
  JSON.parse(readFileSync(new URL('model.json', dir), 'utf8')),
  readFileSync(new URL('weights.bin', dir)),
);
const recognizer = new Recognizer(model);

/** Digit-like strokes: a stem per character, 60 units apart, and the keys of what was classified. */
const stem = (x: number): [number, number][] => [
  [x, 0],
  [x + 10, 50],
  [x, 100],
];

function reader(strokes: { current: Stroke[] }) {
  const seen: string[] = [];
  const r = new LineReader<StrokeAtom>((c: Candidate<StrokeAtom>) => {
    seen.push(c.key);
    return recognizer.predict(normalizeStrokes(strokesOfAtoms(strokes.current, c.atoms)));
  });
  return { r, seen };
}

describe('LineReader', () => {
  it('after one more stroke, classifies only the candidates holding it', () => {
    const line = { current: strokesFromPairs([0, 60, 120, 180, 240].map(stem)) };
    const { r, seen } = reader(line);
    const first = r.read(segmentStrokes(line.current), { classes: meta.classes, maxMerge: 3 });
    expect(first.characters).toHaveLength(5);
    // 5 atoms, runs of up to 3: 5 + 4 + 3 candidates.
    expect(r.classified).toBe(12);

    line.current = strokesFromPairs([0, 60, 120, 180, 240, 300].map(stem));
    seen.length = 0;
    const second = r.read(segmentStrokes(line.current), { classes: meta.classes, maxMerge: 3 });
    expect(r.classified).toBe(15);
    // The new atom alone, with its left neighbour, and with its two left neighbours.
    expect(seen).toHaveLength(3);
    expect(seen.every((k) => k.split('|').at(-1)!.startsWith('s5:'))).toBe(true);
    expect(second.characters.slice(0, 5)).toEqual(first.characters);
  });

  it('classifies again what a stroke changed (a bar across the last stem), and nothing else', () => {
    const stems = [0, 60, 120, 180].map(stem);
    const line = { current: strokesFromPairs(stems) };
    const { r, seen } = reader(line);
    r.read(segmentStrokes(line.current), { classes: meta.classes });
    const bar: [number, number][] = [
      [170, 40],
      [200, 40],
    ];
    line.current = strokesFromPairs([...stems, bar]);
    seen.length = 0;
    const atoms = segmentStrokes(line.current);
    expect(atoms.at(-1)!.id).toBe('s3+s4');
    r.read(atoms, { classes: meta.classes });
    expect(seen).toHaveLength(3);
    expect(seen.every((k) => k.includes('s3+s4:'))).toBe(true);
  });

  it('reading the same line twice classifies nothing', () => {
    const line = { current: strokesFromPairs([0, 60].map(stem)) };
    const { r } = reader(line);
    const a = r.read(segmentStrokes(line.current), { classes: meta.classes });
    const before = r.classified;
    expect(r.read(segmentStrokes(line.current), { classes: meta.classes })).toEqual(a);
    expect(r.classified).toBe(before);
  });
});
