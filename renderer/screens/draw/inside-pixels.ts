// The panel's pictures as RGBA pixels, pure: images of one size tiled in a grid on one grey scale
// (feature maps, filters), and a strip of vertical bars (a dense layer's units) on black, the way the
// network's own view is drawn: white for high values, orange below zero.

export interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgba: Uint8ClampedArray<ArrayBuffer>;
}

/** Tiles at most this wide in all (canvas pixels, before CSS scales them up), unless told. */
export const TILE_ROW_WIDTH = 200;
/** The CSS width the panel's pictures are laid out for (narrower panels shrink them). */
export const PANEL_WIDTH = 340;

/**
 * How many times larger a grid of `count` tiles `height` px high is drawn: small maps (8 × 8, 4 × 4)
 * about 24 px each, and many large ones (a dense layer's 100 filters of 28 × 28) at 1× so the grid
 * stays about as tall as the panel is wide.
 */
export function tileScale(height: number, count: number): number {
  const bySize = Math.max(2, Math.min(6, Math.floor(24 / height)));
  const byArea = Math.floor(PANEL_WIDTH / ((height + 1) * Math.sqrt(Math.max(1, count))));
  return Math.max(1, Math.min(bySize, byArea));
}
export const BAR_STRIP_WIDTH = 240;
export const BAR_STRIP_HEIGHT = 32;
const NEGATIVE: readonly [number, number, number] = [250, 130, 20];

/** Columns for n tiles of `width` px with a 1 px gap, in a row at most `rowWidth` wide. */
export function tileColumns(n: number, width: number, rowWidth = TILE_ROW_WIDTH): number {
  return Math.max(1, Math.min(n, Math.floor((rowWidth + 1) / (width + 1))));
}

const grey = (v: number, lo: number, hi: number) =>
  hi > lo ? Math.max(0, Math.min(255, Math.round(((v - lo) / (hi - lo)) * 255))) : 0;

/** n images [height × width] in a grid with 1 px transparent gaps; lo → black, hi → white. */
export function tileImages(
  images: readonly ArrayLike<number>[],
  height: number,
  width: number,
  lo: number,
  hi: number,
  rowWidth = TILE_ROW_WIDTH,
): Pixels {
  const n = images.length;
  const columns = tileColumns(n, width, rowWidth);
  const rows = Math.ceil(n / columns);
  const W = Math.max(1, columns * (width + 1) - 1);
  const H = Math.max(1, rows * (height + 1) - 1);
  const rgba = new Uint8ClampedArray(W * H * 4); // transparent gaps
  images.forEach((im, k) => {
    const x0 = (k % columns) * (width + 1);
    const y0 = Math.floor(k / columns) * (height + 1);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const v = grey(im[y * width + x]!, lo, hi);
        const o = ((y0 + y) * W + x0 + x) * 4;
        rgba[o] = v;
        rgba[o + 1] = v;
        rgba[o + 2] = v;
        rgba[o + 3] = 255;
      }
    }
  });
  return { width: W, height: H, rgba };
}

/**
 * One vertical bar per value on black: up from the zero line in white, down in orange. Bars are
 * 1–12 px wide so the strip is about BAR_STRIP_WIDTH; lo ≤ 0 ≤ hi place the zero line.
 */
export function barStrip(values: ArrayLike<number>, lo: number, hi: number): Pixels {
  const n = values.length;
  const bar = Math.max(1, Math.min(12, Math.floor(BAR_STRIP_WIDTH / Math.max(1, n))));
  const gap = bar >= 4 ? 1 : 0;
  const W = Math.max(1, n * bar);
  const H = BAR_STRIP_HEIGHT;
  const span = hi - lo;
  const zero = span > 0 ? Math.round((hi / span) * H) : H; // rows above the zero line
  const rgba = new Uint8ClampedArray(W * H * 4);
  for (let i = 3; i < rgba.length; i += 4) rgba[i] = 255; // black
  for (let k = 0; k < n; k++) {
    const v = values[k]!;
    const rows = span > 0 ? Math.round((Math.abs(v) / span) * H) : 0;
    const [top, bottom] = v >= 0 ? [zero - rows, zero] : [zero, zero + rows];
    const colour = v >= 0 ? [235, 235, 235] : NEGATIVE;
    for (let y = Math.max(0, top); y < Math.min(H, bottom); y++) {
      for (let x = k * bar; x < (k + 1) * bar - gap; x++) {
        const o = (y * W + x) * 4;
        rgba[o] = colour[0]!;
        rgba[o + 1] = colour[1]!;
        rgba[o + 2] = colour[2]!;
      }
    }
  }
  return { width: W, height: H, rgba };
}
