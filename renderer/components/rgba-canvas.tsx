// A square RGBA image painted 1:1 on a canvas of its own size (CSS scales it, pixelated), as an image
// with a spoken label: the glyphs, their saliency and the network's views are all drawn this way.

import { useEffect, useRef } from 'react';

export function RgbaCanvas({
  rgba,
  side,
  className,
  label,
}: {
  /** side × side × 4 bytes. */
  rgba: Uint8ClampedArray<ArrayBuffer>;
  side: number;
  className: string;
  label: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    ref.current?.getContext('2d')?.putImageData(new ImageData(rgba, side, side), 0, 0);
  }, [rgba, side]);
  return <canvas ref={ref} width={side} height={side} className={className} role="img" aria-label={label} />;
}
