// Building blocks of pen-path forms (the letters' pen-forms.ts, the digits' templates.ts): smooth
// curves through key points, ellipse arcs, polylines, and pieces joined without lifting the pen. Box
// of height 1, x right, y down.

import type { Contour } from './outline';

type P = readonly [number, number];

/** A smooth path through key points (centripetal-free uniform Catmull-Rom, `steps` per span). */
export function curve(...p: P[]): Contour {
  const steps = 6;
  const out: Contour = [];
  for (let i = 0; i < p.length - 1; i++) {
    const p0 = p[Math.max(0, i - 1)];
    const p1 = p[i];
    const p2 = p[i + 1];
    const p3 = p[Math.min(p.length - 1, i + 2)];
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      for (let k = 0; k < 2; k++) {
        out.push(
          0.5 *
            (2 * p1[k] +
              (-p0[k] + p2[k]) * t +
              (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * t2 +
              (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * t3),
        );
      }
    }
  }
  const last = p[p.length - 1];
  out.push(last[0], last[1]);
  return out;
}

/** Points along an ellipse arc, angles in degrees (0 = right, 90 = down: y points down). */
export function arc(cx: number, cy: number, rx: number, ry: number, from: number, to: number): Contour {
  const steps = Math.max(4, Math.ceil(Math.abs(to - from) / 12));
  const out: Contour = [];
  for (let i = 0; i <= steps; i++) {
    const t = ((from + ((to - from) * i) / steps) * Math.PI) / 180;
    out.push(cx + rx * Math.cos(t), cy + ry * Math.sin(t));
  }
  return out;
}

/** A polyline through [x, y] pairs. */
export const line = (...p: P[]): Contour => p.flat();
/** Pieces drawn without lifting the pen (a sharp turn where they meet). */
export const join = (...parts: Contour[]): Contour => parts.flat();
