// The centre line of a filled glyph, so a font's letter can be drawn again with a pen: a binary
// raster is thinned to one-pixel lines (Zhang & Suen, "A fast parallel algorithm for thinning
// digital patterns", CACM 27(3), 1984), and the skeleton's 8-connected pixels become short pen
// segments. Rendered through normalizeStrokes at a drawn pen width, a font glyph then has the
// even line of a pen instead of the font's own contrast (hairlines, brush swells, marker blobs).
// Pure; browser-safe.

/** Thins `ink` (w × h, 1 = ink, 0 = paper) in place to lines one pixel wide; returns it. */
export function thin(ink: Uint8Array, w: number, h: number): Uint8Array {
  const at = (x: number, y: number): number =>
    x >= 0 && y >= 0 && x < w && y < h ? ink[y * w + x] : 0;
  const remove: number[] = [];
  let changed = true;
  while (changed) {
    changed = false;
    for (let pass = 0; pass < 2; pass++) {
      remove.length = 0;
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          if (ink[y * w + x] === 0) continue;
          // Neighbours p2..p9 clockwise from north.
          const p2 = at(x, y - 1);
          const p3 = at(x + 1, y - 1);
          const p4 = at(x + 1, y);
          const p5 = at(x + 1, y + 1);
          const p6 = at(x, y + 1);
          const p7 = at(x - 1, y + 1);
          const p8 = at(x - 1, y);
          const p9 = at(x - 1, y - 1);
          const b = p2 + p3 + p4 + p5 + p6 + p7 + p8 + p9;
          if (b < 2 || b > 6) continue;
          const ring = [p2, p3, p4, p5, p6, p7, p8, p9, p2];
          let a = 0;
          for (let i = 0; i < 8; i++) if (ring[i] === 0 && ring[i + 1] === 1) a++;
          if (a !== 1) continue;
          if (pass === 0 ? p2 * p4 * p6 !== 0 || p4 * p6 * p8 !== 0 : p2 * p4 * p8 !== 0 || p2 * p6 * p8 !== 0)
            continue;
          remove.push(y * w + x);
        }
      }
      for (const i of remove) ink[i] = 0;
      if (remove.length > 0) changed = true;
    }
  }
  return ink;
}

/**
 * The skeleton's pixels joined into pen segments (flat [x0, y0, x1, y1] in pixel centres): each pixel
 * to its east, south, south-east and south-west neighbours, a diagonal only where no two
 * right-angle steps already join the pair; a pixel with no neighbour is a dot (one point).
 */
export function skeletonSegments(skel: Uint8Array, w: number, h: number): number[][] {
  const on = (x: number, y: number): boolean => x >= 0 && y >= 0 && x < w && y < h && skel[y * w + x] === 1;
  const out: number[][] = [];
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!on(x, y)) continue;
      const cx = x + 0.5;
      const cy = y + 0.5;
      let joined = false;
      if (on(x + 1, y)) out.push([cx, cy, cx + 1, cy]);
      if (on(x, y + 1)) out.push([cx, cy, cx, cy + 1]);
      if (on(x + 1, y + 1) && !on(x + 1, y) && !on(x, y + 1)) out.push([cx, cy, cx + 1, cy + 1]);
      if (on(x - 1, y + 1) && !on(x - 1, y) && !on(x, y + 1)) out.push([cx, cy, cx - 1, cy + 1]);
      for (let dy = -1; dy <= 1 && !joined; dy++)
        for (let dx = -1; dx <= 1; dx++) if ((dx !== 0 || dy !== 0) && on(x + dx, y + dy)) joined = true;
      if (!joined) out.push([cx, cy]);
    }
  }
  return out;
}
