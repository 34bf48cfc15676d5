import { describe, expect, it } from 'vitest';
import { forEachNeighbour } from './neighbours';

function visited(x: number, y: number, w: number, h: number): [number, number, number][] {
  const out: [number, number, number][] = [];
  forEachNeighbour(x, y, w, h, (index, dx, dy) => out.push([index, dx, dy]));
  return out;
}

describe('forEachNeighbour', () => {
  it('visits all nine cells inside the grid, row by row', () => {
    expect(visited(1, 1, 3, 3).map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('clips at the borders: four cells at a corner, six along an edge', () => {
    expect(visited(0, 0, 3, 3)).toEqual([
      [0, 0, 0],
      [1, 1, 0],
      [3, 0, 1],
      [4, 1, 1],
    ]);
    expect(visited(2, 1, 3, 3).map(([i]) => i)).toEqual([1, 2, 4, 5, 7, 8]);
    expect(visited(0, 0, 1, 1)).toEqual([[0, 0, 0]]);
  });
});
