// Marks that are no character, for teaching a model to be unsure of them (the "uniform" target of
// engine/losses/softmax-cross-entropy.ts) and for measuring how often one is read as a character:
// scribbles (a pen wandering with sharp turns), hatching (back and forth), coils (many overlapping
// loops), and lone dots or specks. Each goes through normalizeStrokes as a drawing on the canvas does,
// with the canvas's minimum extent (a tap stays a dot). Seeded; browser-safe.

import { Rng } from '../engine/rng';
import { normalizeStrokes, type Stroke } from './normalize';

export const SCRIBBLE_KINDS = ['scribble', 'hatch', 'coil', 'dot'] as const;
export type ScribbleKind = (typeof SCRIBBLE_KINDS)[number];

/** The Draw canvas's MIN_GLYPH_EXTENT in its units (CSS px); the strokes below are drawn on a 280 px canvas. */
const MIN_EXTENT = 24;

function stroke(points: [number, number][]): Stroke {
  return { points: points.map(([x, y]) => ({ x, y })) };
}

/** A wandering pen: 8–16 straight legs with sharp random turns, sometimes lifted once. */
function scribble(rng: Rng): Stroke[] {
  const strokes: Stroke[] = [];
  const parts = rng.next() < 0.3 ? 2 : 1;
  for (let s = 0; s < parts; s++) {
    let x = rng.uniform(60, 220);
    let y = rng.uniform(60, 220);
    let heading = rng.uniform(0, 2 * Math.PI);
    const points: [number, number][] = [[x, y]];
    const legs = 8 + rng.int(9);
    for (let l = 0; l < legs; l++) {
      heading += rng.uniform(1.6, 3.0) * (rng.next() < 0.5 ? -1 : 1); // 90–170° turns
      const len = rng.uniform(30, 110);
      x = Math.min(270, Math.max(10, x + Math.cos(heading) * len));
      y = Math.min(270, Math.max(10, y + Math.sin(heading) * len));
      points.push([x, y]);
    }
    strokes.push(stroke(points));
  }
  return strokes;
}

/** Back-and-forth shading: 6–14 strokes of a zig-zag across a patch, at any angle. */
function hatch(rng: Rng): Stroke[] {
  const angle = rng.uniform(0, Math.PI);
  const w = rng.uniform(80, 200);
  const passes = 6 + rng.int(9);
  const step = rng.uniform(8, 20);
  const points: [number, number][] = [];
  for (let i = 0; i < passes; i++) {
    const u = (i % 2 === 0 ? -w : w) / 2 + rng.uniform(-10, 10);
    const v = (i - passes / 2) * step;
    points.push([
      140 + u * Math.cos(angle) - v * Math.sin(angle),
      140 + u * Math.sin(angle) + v * Math.cos(angle),
    ]);
  }
  return [stroke(points)];
}

/** A coil: 4–7 overlapping loops drifting sideways, as when someone tests the pen. */
function coil(rng: Rng): Stroke[] {
  const turns = 4 + rng.int(4);
  const r = rng.uniform(25, 55);
  const drift = rng.uniform(10, 30) * (rng.next() < 0.5 ? -1 : 1);
  const points: [number, number][] = [];
  for (let i = 0; i <= turns * 16; i++) {
    const t = (i / 16) * 2 * Math.PI;
    points.push([
      140 - (turns * drift) / 2 + (drift * i) / 16 + r * Math.cos(t),
      140 + r * 0.8 * Math.sin(t),
    ]);
  }
  return [stroke(points)];
}

/** A lone dot or a speck or two: a tap, or a few millimetres of ink. */
function dot(rng: Rng): Stroke[] {
  const specks = rng.next() < 0.7 ? 1 : 2;
  const strokes: Stroke[] = [];
  for (let s = 0; s < specks; s++) {
    const x = rng.uniform(60, 220);
    const y = rng.uniform(60, 220);
    const len = rng.uniform(0, 4);
    const a = rng.uniform(0, 2 * Math.PI);
    strokes.push(
      stroke([
        [x, y],
        [x + Math.cos(a) * len, y + Math.sin(a) * len],
      ]),
    );
  }
  return strokes;
}

const DRAW: Record<ScribbleKind, (rng: Rng) => Stroke[]> = { scribble, hatch, coil, dot };

/** The strokes of one mark of `kind`. */
export function scribbleStrokes(kind: ScribbleKind, rng: Rng): Stroke[] {
  return DRAW[kind](rng);
}

/** `count` marks (kinds in turn), each as the network's input: Float32Array(count · 784), ink = 1. */
export function generateScribbles(
  count: number,
  seed: number,
): { images: Float32Array; kinds: ScribbleKind[] } {
  const rng = new Rng(seed);
  const images = new Float32Array(count * 784);
  const kinds: ScribbleKind[] = [];
  for (let i = 0; i < count; i++) {
    const kind = SCRIBBLE_KINDS[i % SCRIBBLE_KINDS.length]!;
    kinds.push(kind);
    images.set(normalizeStrokes(scribbleStrokes(kind, rng), { minExtent: MIN_EXTENT }), i * 784);
  }
  return { images, kinds };
}
