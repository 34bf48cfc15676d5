// Anti-aliased stroke rasterizer: polylines drawn as round-capped capsules of a given width,
// coverage measured on a supersampled grid (distance from each sub-sample to the nearest segment,
// with a one-sub-sample linear ramp at the edge), then box-averaged down to whole pixels.
// Browser-safe: no Node, no DOM.

/** A polyline in target pixel coordinates (continuous: pixel (i, j) spans [i, i+1) × [j, j+1)). */
export type Polyline = ArrayLike<number>; // flat [x0, y0, x1, y1, ...]

export interface RasterizeOptions {
  /** Stroke width in target pixels. */
  width: number;
  /** Sub-samples per pixel along each axis. */
  supersample: number;
}

/**
 * Draw polylines into `dst` (size × size, overwritten) with values in [0, 1]. Overlapping strokes
 * combine by max per sub-sample, so crossings are not darker than a single stroke.
 * A polyline of one point is a round dot of the stroke's width.
 */
export function rasterizePolylines(
  lines: readonly Polyline[],
  dst: Float32Array,
  width: number,
  height: number,
  options: RasterizeOptions,
): void {
  const ss = Math.max(1, Math.round(options.supersample));
  const gw = width * ss;
  const gh = height * ss;
  const grid = new Float32Array(gw * gh); // [height·ss, width·ss] coverage of each sub-sample
  const r = (options.width / 2) * ss; // radius in sub-sample units
  for (const line of lines) {
    const n = line.length >> 1;
    if (n === 0) continue;
    if (n === 1) {
      drawCapsule(grid, gw, gh, line[0] * ss, line[1] * ss, line[0] * ss, line[1] * ss, r);
      continue;
    }
    for (let k = 0; k + 1 < n; k++) {
      const ax = line[2 * k] * ss;
      const ay = line[2 * k + 1] * ss;
      const bx = line[2 * k + 2] * ss;
      const by = line[2 * k + 3] * ss;
      drawCapsule(grid, gw, gh, ax, ay, bx, by, r);
    }
  }
  const inv = 1 / (ss * ss);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let acc = 0;
      for (let sy = 0; sy < ss; sy++) {
        const row = (y * ss + sy) * gw + x * ss;
        for (let sx = 0; sx < ss; sx++) acc += grid[row + sx];
      }
      dst[y * width + x] = acc * inv;
    }
  }
}

/** Max-combine the coverage of the capsule {p : dist(p, segment ab) ≤ r} into the sub-sample grid. */
function drawCapsule(
  grid: Float32Array,
  gw: number,
  gh: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
  r: number,
): void {
  const reach = r + 1;
  const x0 = Math.max(0, Math.floor(Math.min(ax, bx) - reach));
  const x1 = Math.min(gw - 1, Math.ceil(Math.max(ax, bx) + reach));
  const y0 = Math.max(0, Math.floor(Math.min(ay, by) - reach));
  const y1 = Math.min(gh - 1, Math.ceil(Math.max(ay, by) + reach));
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  for (let y = y0; y <= y1; y++) {
    const py = y + 0.5;
    for (let x = x0; x <= x1; x++) {
      const px = x + 0.5;
      // NOTE: a zero-length segment is a dot; guard the projection against 0/0.
      let t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;
      t = Math.min(Math.max(t, 0), 1);
      const ex = px - (ax + t * dx);
      const ey = py - (ay + t * dy);
      const d = Math.sqrt(ex * ex + ey * ey);
      let c = r - d + 0.5;
      if (c <= 0) continue;
      if (c > 1) c = 1;
      const i = y * gw + x;
      if (c > grid[i]) grid[i] = c;
    }
  }
}
