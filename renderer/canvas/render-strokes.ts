// Pure stroke rendering (excalidraw's static scene renderer): strokes in CSS px → pixels on a 2D
// context. No state, no DOM lookups; the caller owns the rAF throttle and the devicePixelRatio scale.

import type { PenPoint, Stroke } from './stroke-machine';

export interface RenderOptions {
  /** Ink colour (CSS colour string). */
  ink: string;
  /** Canvas size in CSS px (the context is already scaled by devicePixelRatio). */
  width: number;
  height: number;
}

/** Line width for a sample: pressure 0.5 (a mouse) draws exactly `size`; a pen varies 60–140%. */
export function widthAt(size: number, pressure: number): number {
  const p = pressure > 0 ? pressure : 0.5;
  return size * (0.6 + 0.8 * p);
}

/** Clear the canvas and draw every stroke. */
export function renderStrokes(
  ctx: CanvasRenderingContext2D,
  strokes: readonly Stroke[],
  options: RenderOptions,
): void {
  ctx.clearRect(0, 0, options.width, options.height);
  ctx.fillStyle = options.ink;
  ctx.strokeStyle = options.ink;
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const stroke of strokes) {
    // Strokes drawn on a canvas of another size are scaled to this one (brush width too).
    const scale = stroke.canvas > 0 ? Math.min(options.width, options.height) / stroke.canvas : 1;
    if (scale === 1) {
      drawStroke(ctx, stroke);
      continue;
    }
    ctx.save();
    ctx.scale(scale, scale);
    drawStroke(ctx, stroke);
    ctx.restore();
  }
}

/**
 * One stroke as quadratic curves through the midpoints of its samples (the classic smoothing:
 * each sample is a control point, each midpoint an on-curve point), so corners stay round and
 * jitter from the mouse or the digitiser is filtered without lag. Width follows pressure per segment.
 */
export function drawStroke(ctx: CanvasRenderingContext2D, stroke: Stroke): void {
  const pts = stroke.points;
  if (pts.length === 0) return;
  if (pts.length === 1) {
    const p = pts[0]!;
    ctx.beginPath();
    ctx.arc(p.x, p.y, widthAt(stroke.size, p.pressure) / 2, 0, Math.PI * 2);
    ctx.fill();
    return;
  }
  let from = pts[0]!;
  for (let i = 1; i < pts.length; i++) {
    const control = pts[i - 1]!;
    const current = pts[i]!;
    const to = i === pts.length - 1 ? current : midpoint(control, current);
    ctx.beginPath();
    ctx.lineWidth = widthAt(stroke.size, (control.pressure + current.pressure) / 2);
    ctx.moveTo(from.x, from.y);
    if (i === 1) ctx.lineTo(to.x, to.y);
    else ctx.quadraticCurveTo(control.x, control.y, to.x, to.y);
    ctx.stroke();
    from = to;
  }
}

function midpoint(a: PenPoint, b: PenPoint): PenPoint {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2, pressure: (a.pressure + b.pressure) / 2 };
}
