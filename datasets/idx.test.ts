import { describe, expect, it } from 'vitest';
import {
  encodeIdx,
  encodeIdxImages,
  encodeIdxLabels,
  fromBytes,
  IdxError,
  parseIdx,
  parseIdxImages,
  parseIdxLabels,
  toBytes,
} from './idx';

describe('IDX', () => {
  it('round-trips uint8 images and labels with the MNIST magic numbers', () => {
    const pixels = Uint8Array.from({ length: 2 * 3 * 4 }, (_, i) => i * 10);
    const bytes = encodeIdxImages(pixels, 2, 3, 4);
    expect(Array.from(bytes.subarray(0, 4))).toEqual([0, 0, 8, 3]); // 0x00000803, as in MNIST
    expect(Array.from(bytes.subarray(4, 16))).toEqual([0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4]);
    const images = parseIdxImages(bytes);
    expect(images).toMatchObject({ count: 2, rows: 3, cols: 4 });
    expect(images.pixels).toEqual(pixels);
    const labels = Uint8Array.from([7, 2, 1]);
    const lb = encodeIdxLabels(labels);
    expect(Array.from(lb.subarray(0, 8))).toEqual([0, 0, 8, 1, 0, 0, 0, 3]); // 0x00000801
    expect(parseIdxLabels(lb)).toEqual(labels);
  });

  it('round-trips the wider big-endian types', () => {
    for (const [type, data] of [
      ['int8', Int8Array.from([-1, 2])],
      ['int16', Int16Array.from([-300, 300])],
      ['int32', Int32Array.from([-70000, 70000])],
      ['float32', Float32Array.from([0.5, -2.25])],
      ['float64', Float64Array.from([Math.PI, -1e300])],
    ] as const) {
      const a = parseIdx(encodeIdx({ type, shape: [2], data }));
      expect(a.type).toBe(type);
      expect(Array.from(a.data)).toEqual(Array.from(data));
    }
    const f = encodeIdx({ type: 'int16', shape: [1], data: Int16Array.from([0x0102]) });
    expect(Array.from(f.subarray(8))).toEqual([1, 2]); // big-endian
  });

  it('parses from a view at an offset inside a larger buffer', () => {
    const bytes = encodeIdxLabels(Uint8Array.from([4, 5]));
    const big = new Uint8Array(bytes.length + 3);
    big.set(bytes, 3);
    expect(parseIdxLabels(big.subarray(3))).toEqual(Uint8Array.from([4, 5]));
  });

  it('gives clear errors for bad magic, truncation and size mismatch', () => {
    const good = encodeIdxImages(new Uint8Array(2 * 2 * 2), 2, 2, 2);
    expect(() => parseIdx(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]), 'x.png')).toThrow(
      /x\.png: bad magic number 89 50 4e 47/,
    );
    expect(() => parseIdx(Uint8Array.from([0, 0, 0x42, 1, 0, 0, 0, 0]))).toThrow(/unknown data type 0x42/);
    expect(() => parseIdx(Uint8Array.from([0, 0]))).toThrow(/truncated: 2 bytes/);
    expect(() => parseIdx(good.subarray(0, 10), 'a.idx')).toThrow(
      /a\.idx: truncated: 10 bytes, the header of 3 dimensions needs 16/,
    );
    expect(() => parseIdx(good.subarray(0, good.length - 3), 'a.idx')).toThrow(
      /truncated: 21 bytes.*needs 24 \(3 missing\)/,
    );
    const long = new Uint8Array(good.length + 1);
    long.set(good);
    expect(() => parseIdx(long)).toThrow(/size mismatch: 25 bytes.*exactly 24 \(1 extra\)/);
    expect(() => parseIdx(Uint8Array.from([0x1f, 0x8b, 8, 0]))).toThrow(/gzip/);
    expect(() => parseIdxLabels(good)).toThrow(IdxError);
    expect(() => parseIdxImages(encodeIdxLabels(new Uint8Array(3)))).toThrow(/expected uint8 images/);
    expect(() => encodeIdx({ type: 'uint8', shape: [3], data: new Uint8Array(2) })).toThrow(
      /needs 3 values, got 2/,
    );
  });

  it('converts between [0, 1] floats and bytes', () => {
    const b = toBytes([0, 0.5, 1, 2, -1]);
    expect(Array.from(b)).toEqual([0, 128, 255, 255, 0]);
    expect(fromBytes(Uint8Array.from([0, 255]))).toEqual(Float32Array.from([0, 1]));
  });
});
