// A 28×28 image drawn on a 28×28 canvas and scaled up by CSS (image-rendering: pixelated).

import { useEffect, useRef } from 'react';
import { blendSaliency, GLYPH_SIDE, glyphToRgba } from '../canvas/glyph-pixels';

export interface GlyphImageProps {
  /** 784 values: floats 0–1 (scale 255) or bytes 0–255 (scale 1). */
  image: ArrayLike<number> | null;
  scale?: number;
  saliency?: ArrayLike<number> | null;
  className?: string;
  label: string;
}

export function GlyphImage({ image, scale = 1, saliency, className, label }: GlyphImageProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const rgba = glyphToRgba(
      image ?? new Float32Array(GLYPH_SIDE * GLYPH_SIDE),
      undefined,
      image ? scale : 1,
    );
    if (saliency) blendSaliency(rgba, saliency);
    ctx.putImageData(new ImageData(rgba, GLYPH_SIDE, GLYPH_SIDE), 0, 0);
  }, [image, scale, saliency]);
  return (
    <canvas
      ref={ref}
      width={GLYPH_SIDE}
      height={GLYPH_SIDE}
      className={`glyph ${className ?? ''}`}
      role="img"
      aria-label={label}
    />
  );
}

/** The i-th 28×28 image of an n×784 byte block. */
export function imageAt(images: Uint8Array, i: number): Uint8Array {
  return images.subarray(i * 784, (i + 1) * 784);
}
