import { describe, expect, it } from 'vitest';
import { Rng } from '../../engine/rng';
import { byWriter, composeLine } from './compose';
import { drawLine } from './draw-line';

const stem = (x: number, top = 0, h = 100): [number, number][] => [
  [x, top],
  [x, top + h],
];

describe('composeLine', () => {
  it('composes one writer per line, on a baseline, with boxes left to right', () => {
    const rng = new Rng(3);
    const l = composeLine(
      [
        { label: 'A', strokes: [stem(0, 0, 10)] },
        { label: 'a', strokes: [stem(0, 0, 10)] },
        { label: 'g', strokes: [stem(0, 0, 10)] },
      ],
      rng,
      { drift: 0, sizeJitter: 0 },
    );
    expect(l.text).toBe('Aag');
    expect(l.boxes[0]).toMatchObject({ y0: 0, y1: 100 });
    expect(l.boxes[1].y0).toBeCloseTo(45);
    expect(l.boxes[1].y1).toBeCloseTo(100);
    expect(l.boxes[2].y0).toBeCloseTo(45);
    expect(l.boxes[2].y1).toBeGreaterThan(100);
    expect(l.boxes[1].x0).toBeGreaterThan(l.boxes[0].x1);
    expect(l.owner).toEqual([0, 1, 2]);
  });

  it('groups samples by writer', () => {
    const m = byWriter([
      { writer: 'a', n: 1 },
      { writer: 'b', n: 2 },
      { writer: 'a', n: 3 },
    ]);
    expect([...m.keys()]).toEqual(['a', 'b']);
    expect(m.get('a')!.map((s) => s.n)).toEqual([1, 3]);
  });
});

describe('drawLine', () => {
  it("draws the line at the capital height asked, with the true boxes around each character's ink", () => {
    const square: [number, number][] = [
      [0, 0],
      [10, 0],
      [10, 10],
      [0, 10],
      [0, 0],
    ];
    const line = composeLine(
      [
        { label: '0', strokes: [square] },
        { label: '0', strokes: [square] },
      ],
      new Rng(1),
      { drift: 0, sizeJitter: 0 },
    );
    const d = drawLine(line, 40, 4);
    expect(d.height).toBeGreaterThanOrEqual(40);
    expect(d.boxes[0].y1 - d.boxes[0].y0).toBeGreaterThanOrEqual(44);
    // Every ink pixel lies in one of the boxes.
    let outside = 0;
    for (let y = 0; y < d.height; y++)
      for (let x = 0; x < d.width; x++) {
        if (d.image[y * d.width + x] === 0) continue;
        if (!d.boxes.some((b) => x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1)) outside++;
      }
    expect(outside).toBe(0);
  });
});
