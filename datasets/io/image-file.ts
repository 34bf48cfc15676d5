// One image file ↔ one 28×28 network input, through sharp (Node only). Any size and colour type in;
// grey, auto-inverted, cleaned and normalized out. 28×28 grey PNGs out (ink white on black, as MNIST).

import { basename } from 'node:path';
import sharp, { type Metadata } from 'sharp';
import { toInk, toLuminance } from '../gray';
import { normalizeImage } from '../normalize';
import { writeFileAtomic } from './atomic';
import type { ImportOptions } from './labelled-set';

export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.webp'] as const;

export function isImageName(name: string): boolean {
  const lower = name.toLowerCase();
  return IMAGE_EXTENSIONS.some((e) => lower.endsWith(e));
}

export interface DecodedImage {
  pixels: Uint8Array; // [height, width, channels]
  width: number;
  height: number;
  channels: number;
}

/**
 * The largest image read, in pixels (4096×4096, 64 MB of RGBA): a glyph needs far less, and sharp's own
 * default (16383×16383) let an 857 KB PNG decode to 1 GB and take 49 s of normalization.
 */
export const MAX_IMAGE_PIXELS = 4096 * 4096;

/**
 * Decode an image file or its bytes to 8-bit pixels; a file that is not a readable image (not an image
 * at all, truncated, an unsupported format) is an error naming it. Grey files stay 1 channel; anything
 * else comes out as sRGB with 3 channels, or 4 with alpha. The size is read from the header first, and
 * an image over MAX_IMAGE_PIXELS is refused before any pixel is decoded.
 */
export async function decodeImage(input: string | Uint8Array, name?: string): Promise<DecodedImage> {
  const label = name ?? (typeof input === 'string' ? basename(input) : 'image');
  const options = { limitInputPixels: MAX_IMAGE_PIXELS };
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: false }).metadata(); // the header only: sized below
  } catch (err) {
    throw new Error(`${label}: not a readable image (${(err as Error).message})`);
  }
  const { width = 0, height = 0 } = meta;
  if (width * height > MAX_IMAGE_PIXELS) {
    throw new Error(
      `${label}: ${width}×${height} is too large (at most ${MAX_IMAGE_PIXELS.toLocaleString('en')} pixels, ` +
        'e.g. 4096×4096); scale it down first',
    );
  }
  try {
    const pipeline = meta.channels === 1 ? sharp(input, options).toColourspace('b-w') : sharp(input, options);
    const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
    return {
      pixels: new Uint8Array(data.buffer, data.byteOffset, data.length),
      width: info.width,
      height: info.height,
      channels: info.channels,
    };
  } catch (err) {
    throw new Error(`${label}: not a readable image (${(err as Error).message})`);
  }
}

/** A decoded image → the network's input (Float32Array(784) in [0, 1]), per the import options. */
export function imageToInput(img: DecodedImage, name: string, options: ImportOptions = {}): Float32Array {
  const plain = img.width === 28 && img.height === 28 && img.channels === 1;
  if (options.normalize === false || (options.normalize === 'auto' && plain)) {
    if (img.width !== 28 || img.height !== 28 || img.channels !== 1) {
      throw new Error(
        `${name}: ${img.width}×${img.height} with ${img.channels} channel(s); without normalization an image must be 28×28 grey (1 channel)`,
      );
    }
    const out = new Float32Array(784);
    for (let i = 0; i < 784; i++) out[i] = img.pixels[i] / 255;
    return out;
  }
  const gray = toLuminance(img.pixels, img.width, img.height, img.channels);
  toInk(gray, img.width, img.height, { invert: options.invert ?? 'auto', threshold: options.threshold });
  return normalizeImage(gray, img.width, img.height);
}

export async function readImageInput(path: string, options: ImportOptions = {}): Promise<Float32Array> {
  return imageToInput(await decodeImage(path), basename(path), options);
}

/** A 28×28 input → PNG bytes (8-bit grey, ink = 255). */
export async function encodePng(image: ArrayLike<number>): Promise<Uint8Array> {
  if (image.length !== 784) throw new Error(`encodePng: expected 784 values, got ${image.length}`);
  const bytes = Buffer.alloc(784);
  for (let i = 0; i < 784; i++) bytes[i] = Math.round(Math.min(Math.max(image[i], 0), 1) * 255);
  const png = await sharp(bytes, { raw: { width: 28, height: 28, channels: 1 } })
    .toColourspace('b-w')
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Uint8Array(png.buffer, png.byteOffset, png.length);
}

export async function writePng(path: string, image: ArrayLike<number>): Promise<void> {
  await writeFileAtomic(path, await encodePng(image));
}
