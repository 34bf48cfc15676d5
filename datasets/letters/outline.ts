// Glyph outlines as polygons: font path commands (moveTo / lineTo / quadratic / cubic / close)
// flattened to closed point lists, plus the affine maps applied to them before rasterizing.
// Pure: no Node, no fonts; fontkit's path commands are passed in as plain data.

/** A closed contour, flat [x0, y0, x1, y1, ...] in the caller's units. */
export type Contour = number[];

/** One command of a font path (fontkit's `glyph.path.commands`). */
export interface PathCommand {
  readonly command: string;
  readonly args: readonly number[];
}

/** Line segments per curve: fixed, enough for glyphs rendered at ≤ 64 px (error < 0.05 px). */
const CURVE_STEPS = 8;

/** Flattens path commands into closed contours (quadratic and cubic Béziers by uniform steps). */
export function flattenPath(commands: readonly PathCommand[]): Contour[] {
  const contours: Contour[] = [];
  let cur: Contour = [];
  let x = 0;
  let y = 0;
  const close = () => {
    if (cur.length >= 6) contours.push(cur);
    cur = [];
  };
  for (const { command, args } of commands) {
    switch (command) {
      case 'moveTo':
        close();
        x = args[0];
        y = args[1];
        cur.push(x, y);
        break;
      case 'lineTo':
        x = args[0];
        y = args[1];
        cur.push(x, y);
        break;
      case 'quadraticCurveTo': {
        const [cx, cy, ex, ey] = args;
        for (let i = 1; i <= CURVE_STEPS; i++) {
          const t = i / CURVE_STEPS;
          const u = 1 - t;
          cur.push(u * u * x + 2 * u * t * cx + t * t * ex, u * u * y + 2 * u * t * cy + t * t * ey);
        }
        x = ex;
        y = ey;
        break;
      }
      case 'bezierCurveTo': {
        const [c1x, c1y, c2x, c2y, ex, ey] = args;
        for (let i = 1; i <= CURVE_STEPS; i++) {
          const t = i / CURVE_STEPS;
          const u = 1 - t;
          const a = u * u * u;
          const b = 3 * u * u * t;
          const c = 3 * u * t * t;
          const d = t * t * t;
          cur.push(a * x + b * c1x + c * c2x + d * ex, a * y + b * c1y + c * c2y + d * ey);
        }
        x = ex;
        y = ey;
        break;
      }
      case 'closePath':
        close();
        break;
      default:
        throw new Error(`flattenPath: unknown command ${command}`);
    }
  }
  close();
  return contours;
}

/** A 2-D affine map: x' = a·x + b·y + c, y' = d·x + e·y + f. */
export interface Affine {
  readonly a: number;
  readonly b: number;
  readonly c: number;
  readonly d: number;
  readonly e: number;
  readonly f: number;
}

export function applyAffine(contours: readonly Contour[], m: Affine): Contour[] {
  return contours.map((src) => {
    const out = new Array<number>(src.length);
    for (let i = 0; i < src.length; i += 2) {
      const x = src[i];
      const y = src[i + 1];
      out[i] = m.a * x + m.b * y + m.c;
      out[i + 1] = m.d * x + m.e * y + m.f;
    }
    return out;
  });
}

/** Bounding box of contours (or of strokes flattened the same way). */
export function boundsOf(contours: readonly Contour[]): { x0: number; y0: number; x1: number; y1: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const c of contours) {
    for (let i = 0; i < c.length; i += 2) {
      if (c[i] < x0) x0 = c[i];
      if (c[i] > x1) x1 = c[i];
      if (c[i + 1] < y0) y0 = c[i + 1];
      if (c[i + 1] > y1) y1 = c[i + 1];
    }
  }
  return { x0, y0, x1, y1 };
}
