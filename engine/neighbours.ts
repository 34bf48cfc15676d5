// The 3×3 neighbourhood of a cell in a w×h grid, clipped at the borders: what a blur, a grey
// dilation or a flood fill visits around each pixel, written once.

/**
 * Calls `visit(index, dx, dy)` for each cell (x + dx, y + dy), dx, dy ∈ {−1, 0, 1}, that lies inside
 * the grid, the centre included, row by row (dy outer, dx inner); index = (y + dy)·w + (x + dx).
 */
export function forEachNeighbour(
  x: number,
  y: number,
  w: number,
  h: number,
  visit: (index: number, dx: number, dy: number) => void,
): void {
  for (let dy = -1; dy <= 1; dy++) {
    const yy = y + dy;
    if (yy < 0 || yy >= h) continue;
    for (let dx = -1; dx <= 1; dx++) {
      const xx = x + dx;
      if (xx < 0 || xx >= w) continue;
      visit(yy * w + xx, dx, dy);
    }
  }
}
