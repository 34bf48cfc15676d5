// A 28×28 image drawn on a 28×28 canvas and scaled up by CSS (image-rendering: pixelated).

import { useMemo } from 'react';
import { blendSaliency, GLYPH_SIDE, glyphToRgba } from '../canvas/glyph-pixels';
import { RgbaCanvas } from './rgba-canvas';

export interface GlyphImageProps {
  /** 784 values: floats 0–1 (scale 255) or bytes 0–255 (scale 1). */
  image: ArrayLike<number> | null;
  scale?: number;
  saliency?: ArrayLike<number> | null;
  className?: string;
  label: string;
}

export function GlyphImage({ image, scale = 1, saliency, className, label }: GlyphImageProps) {
  const rgba = useMemo(() => {
    const pixels = glyphToRgba(
      image ?? new Float32Array(GLYPH_SIDE * GLYPH_SIDE),
      undefined,
      image ? scale : 1,
    );
    if (saliency) blendSaliency(pixels, saliency);
    return pixels;
  }, [image, scale, saliency]);
  return <RgbaCanvas rgba={rgba} side={GLYPH_SIDE} className={`glyph ${className ?? ''}`} label={label} />;
}

/** The i-th 28×28 image of an n×784 byte block. */
export function imageAt(images: Uint8Array, i: number): Uint8Array {
  return images.subarray(i * 784, (i + 1) * 784);
}
