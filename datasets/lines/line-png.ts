// Node only. A drawn line (draw-line.ts) as a PNG of dark ink on white paper, the way a photo or a
// scan of a note arrives: what the tests and bench/lines.ts hand to `glyph-lab read`.

import sharp from 'sharp';
import type { DrawnLine } from './draw-line';

export async function linePng(line: Pick<DrawnLine, 'image' | 'width' | 'height'>): Promise<Buffer> {
  const bytes = Buffer.alloc(line.width * line.height);
  for (let i = 0; i < bytes.length; i++) {
    bytes[i] = 255 - Math.round(Math.min(1, Math.max(0, line.image[i])) * 255);
  }
  return sharp(bytes, { raw: { width: line.width, height: line.height, channels: 1 } })
    .png()
    .toBuffer();
}
