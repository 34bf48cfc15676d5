// The segmentation boxes over the line's ink: one per character read, in the reading's coordinates
// scaled to the canvas shown; the chosen character's box stands out, an unsure one is dashed.

import type { ShownCharacter } from './line-corrections';

/** Room around the ink (CSS px), so a box does not sit on the stroke's edge. */
const PAD = 6;

export function paintLineBoxes(
  ctx: CanvasRenderingContext2D,
  characters: readonly ShownCharacter[],
  scale: number,
  selected: string | null,
): void {
  const style = getComputedStyle(ctx.canvas);
  const accent = style.getPropertyValue('--accent').trim() || '#4656d6';
  const warn = style.getPropertyValue('--warn').trim() || '#8f4f06';
  ctx.save();
  ctx.font = '600 12px system-ui, sans-serif';
  ctx.textBaseline = 'bottom';
  for (const c of characters) {
    const x = c.box.x0 * scale - PAD;
    const y = c.box.y0 * scale - PAD;
    const w = (c.box.x1 - c.box.x0) * scale + 2 * PAD;
    const h = (c.box.y1 - c.box.y0) * scale + 2 * PAD;
    const unsure = c.confidence < 0.6 && !c.corrected;
    ctx.strokeStyle = unsure ? warn : accent;
    ctx.fillStyle = ctx.strokeStyle;
    ctx.lineWidth = c.key === selected ? 3 : 1.5;
    ctx.setLineDash(unsure ? [5, 4] : []);
    ctx.globalAlpha = c.key === selected ? 1 : 0.7;
    ctx.strokeRect(x, y, w, h);
    ctx.fillText(c.text, x + 2, y - 2);
  }
  ctx.restore();
}
