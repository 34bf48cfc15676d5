// Stroke generators for new symbols (★ star, ♥ heart, → arrow), with seeded random variation in
// position, size, rotation, aspect, corner placement and pen jitter, as a person's drawings vary.
// Points are canvas fractions (0–1, y down), so the e2e specs draw them with page.mouse, and the
// fine-tuning tests and benchmark normalize them with the app's one glyph normalization.

import { Rng } from '../engine/rng';

/** One stroke: [x, y] points in canvas fractions. */
export type SymbolStroke = [number, number][];
export type SymbolDrawing = SymbolStroke[];

/** The benchmark's default three, and three that look more like digits (∞ ~ 8, ✓ ~ 7/1, △ ~ 4). */
export const SYMBOLS = ['★', '♥', '→'] as const;
export const DIGIT_LIKE_SYMBOLS = ['∞', '✓', '△'] as const;
export type SymbolName = (typeof SYMBOLS)[number] | (typeof DIGIT_LIKE_SYMBOLS)[number];

/** Points along a polyline, `perSegment` per segment (pointer moves are dense like this). */
function densify(points: [number, number][], perSegment: number): [number, number][] {
  const out: [number, number][] = [points[0]!];
  for (let i = 1; i < points.length; i++) {
    const [x0, y0] = points[i - 1]!;
    const [x1, y1] = points[i]!;
    for (let k = 1; k <= perSegment; k++) {
      const t = k / perSegment;
      out.push([x0 + (x1 - x0) * t, y0 + (y1 - y0) * t]);
    }
  }
  return out;
}

/** Unit-size shapes centred on (0, 0), y down, before the drawing's own variation. */
function star(rng: Rng): SymbolDrawing {
  // A pentagram drawn in one stroke, from a random tip, in either direction.
  const tips = Array.from({ length: 5 }, (_, k) => {
    const a = -Math.PI / 2 + (k * 2 * Math.PI) / 5 + rng.uniform(-0.08, 0.08);
    const r = 0.5 * rng.uniform(0.9, 1.05);
    return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
  });
  const first = rng.int(5);
  const step = rng.next() < 0.5 ? 2 : 3;
  const order = Array.from({ length: 6 }, (_, i) => tips[(first + i * step) % 5]!);
  return [densify(order, 6)];
}

function heart(rng: Rng): SymbolDrawing {
  // Two round lobes from the dip at the top down to a point; one stroke or two (left half, right half).
  const lobe = 0.25 * rng.uniform(0.9, 1.1);
  const cy = rng.uniform(-0.18, -0.1);
  const tipY = 0.45 * rng.uniform(0.9, 1.1);
  const sweep = rng.uniform(0.3, 0.7);
  const half = (side: 1 | -1): [number, number][] => {
    const pts: [number, number][] = [];
    for (let i = 0; i <= 16; i++) {
      // From the dip (angle 0) over the top of the lobe to its outer lower side.
      const a = -(i / 16) * (Math.PI + sweep);
      pts.push([side * (lobe - lobe * Math.cos(a)), cy + lobe * Math.sin(a)]);
    }
    pts.push([0, tipY]);
    return densify(pts, 2);
  };
  const left = half(-1);
  const right = half(1);
  if (rng.next() < 0.5) return [left, right];
  return [[...left.reverse(), ...right.slice(1)]];
}

function arrow(rng: Rng): SymbolDrawing {
  // A shaft left to right and a head at its right end, as one stroke or two.
  const length = rng.uniform(0.85, 1);
  const headLength = rng.uniform(0.25, 0.35);
  const headAngle = rng.uniform(0.5, 0.75);
  const x0 = -length / 2;
  const x1 = length / 2;
  const shaft: [number, number][] = [
    [x0, rng.uniform(-0.02, 0.02)],
    [x1, 0],
  ];
  const up: [number, number] = [x1 - headLength * Math.cos(headAngle), -headLength * Math.sin(headAngle)];
  const down: [number, number] = [x1 - headLength * Math.cos(headAngle), headLength * Math.sin(headAngle)];
  if (rng.next() < 0.5) return [densify(shaft, 10), densify([up, [x1, 0], down], 5)];
  return [densify([...shaft, up], 8), densify([[x1, 0], down], 5)];
}

function infinity(rng: Rng): SymbolDrawing {
  // A lemniscate (Gerono-like figure eight on its side), one stroke from a random phase.
  const width = rng.uniform(0.9, 1.1);
  const height = rng.uniform(0.35, 0.5);
  const start = rng.uniform(0, 2 * Math.PI);
  const dir = rng.next() < 0.5 ? 1 : -1;
  const pts: [number, number][] = [];
  for (let i = 0; i <= 64; i++) {
    const t = start + dir * (i / 64) * 2 * Math.PI;
    pts.push([(width / 2) * Math.cos(t), (height / 2) * Math.sin(2 * t)]);
  }
  return [pts];
}

function check(rng: Rng): SymbolDrawing {
  // A short stroke down-right, then a long one up-right.
  const corner: [number, number] = [rng.uniform(-0.2, -0.05), rng.uniform(0.3, 0.45)];
  const start: [number, number] = [rng.uniform(-0.5, -0.4), rng.uniform(0, 0.15)];
  const end: [number, number] = [rng.uniform(0.4, 0.5), rng.uniform(-0.5, -0.35)];
  return [densify([start, corner, end], 10)];
}

function triangle(rng: Rng): SymbolDrawing {
  // Three corners, closed, from a random corner; sometimes the last side is a second stroke.
  const top: [number, number] = [rng.uniform(-0.05, 0.05), -0.45];
  const left: [number, number] = [-0.5, rng.uniform(0.35, 0.45)];
  const right: [number, number] = [0.5, rng.uniform(0.35, 0.45)];
  const corners = [top, right, left];
  const k = rng.int(3);
  const order = [corners[k]!, corners[(k + 1) % 3]!, corners[(k + 2) % 3]!, corners[k]!];
  if (rng.next() < 0.3) return [densify(order.slice(0, 3), 8), densify(order.slice(2), 8)];
  return [densify(order, 8)];
}

const SHAPES: Record<SymbolName, (rng: Rng) => SymbolDrawing> = {
  '★': star,
  '♥': heart,
  '→': arrow,
  '∞': infinity,
  '✓': check,
  '△': triangle,
};

export interface DrawingVariation {
  /** Largest rotation, degrees. */
  rotation: number;
  /** Size as a fraction of the canvas: uniform(min, max). */
  size: [number, number];
  /** Largest aspect change (x and y scaled apart by up to this fraction). */
  aspect: number;
  /** Pen jitter as a fraction of the canvas (smooth wobble plus noise). */
  jitter: number;
}

export const DEFAULT_VARIATION: DrawingVariation = {
  rotation: 15,
  size: [0.35, 0.6],
  aspect: 0.12,
  jitter: 0.006,
};

/**
 * One drawing of `symbol`: the shape with random corners, placed at a random position and size, turned,
 * stretched, and drawn with a wobbling pen. Same seed, same drawing.
 */
export function drawSymbol(
  symbol: SymbolName,
  seed: number,
  v: DrawingVariation = DEFAULT_VARIATION,
): SymbolDrawing {
  const rng = new Rng(seed);
  const strokes = SHAPES[symbol](rng);
  const size = rng.uniform(v.size[0], v.size[1]);
  const angle = (rng.uniform(-v.rotation, v.rotation) * Math.PI) / 180;
  const sx = size * (1 + rng.uniform(-v.aspect, v.aspect));
  const sy = size * (1 + rng.uniform(-v.aspect, v.aspect));
  const margin = Math.max(sx, sy) * 0.6;
  const cx = rng.uniform(Math.min(0.5, margin), Math.max(0.5, 1 - margin));
  const cy = rng.uniform(Math.min(0.5, margin), Math.max(0.5, 1 - margin));
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const phase = rng.uniform(0, 2 * Math.PI);
  let t = 0;
  return strokes.map((stroke) =>
    stroke.map(([x, y]) => {
      t += 1;
      const wobble = v.jitter * Math.sin(t * 0.35 + phase);
      const px = x * sx;
      const py = y * sy;
      return [
        cx + px * cos - py * sin + wobble + rng.uniform(-v.jitter, v.jitter) * 0.5,
        cy + px * sin + py * cos - wobble + rng.uniform(-v.jitter, v.jitter) * 0.5,
      ] as [number, number];
    }),
  );
}
