import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { convDirectWasm, convForwardWasm } from './conv';
import type { GeometryWords } from './memory';

describe('direct convolution', () => {
  it('gives the im2col + GEMM forward bit for bit (bias or none, ReLU or none, batch 1 and more)', () => {
    const rng = new Rng(8);
    for (const [channels, size, kernel, filters, batch] of [
      [1, 28, 5, 8, 3],
      [2, 12, 3, 16, 2],
      [1, 11, 4, 8, 1],
      [3, 9, 5, 8, 4],
      [1, 20, 5, 12, 2],
      [2, 12, 5, 4, 1],
      [8, 12, 5, 16, 2],
    ] as const) {
      const out = size - kernel + 1;
      const g: GeometryWords = [channels, size, size, kernel, kernel, 1, 1, 0, 0, out, out];
      const x = Float32Array.from({ length: batch * channels * size * size }, () => rng.uniform(-1, 1));
      const w = Float32Array.from({ length: filters * channels * kernel * kernel }, () => rng.uniform(-1, 1));
      const bias = Float32Array.from({ length: filters }, () => rng.uniform(-1, 1));
      for (const [b, relu] of [
        [bias, true],
        [undefined, false],
      ] as const) {
        const gemmY = new Float32Array(batch * filters * out * out);
        const directY = new Float32Array(gemmY.length);
        expect(convForwardWasm(w, filters, g, batch, x, b, relu, gemmY)).toBe(true);
        const ran = convDirectWasm(w, filters, g, batch, x, b, relu, directY);
        expect(ran).toBe(out % 8 === 0 && filters % 4 === 0);
        if (ran) expect(directY).toEqual(gemmY);
      }
    }
  });

  it('declines what it does not cover: strides, padding, filters not a multiple of 4, rows not of 8', () => {
    const y = new Float32Array(4096);
    const x = new Float32Array(2 * 100);
    const declined: [filters: number, g: GeometryWords][] = [
      [8, [1, 10, 10, 3, 3, 2, 2, 0, 0, 4, 4]], // stride 2
      [8, [1, 10, 10, 3, 3, 1, 1, 1, 1, 8, 8]], // padding
      [6, [1, 10, 10, 3, 3, 1, 1, 0, 0, 8, 8]], // 6 filters
      [8, [1, 6, 6, 3, 3, 1, 1, 0, 0, 4, 4]], // rows of 4 outputs
    ];
    for (const [filters, g] of declined) {
      expect(convDirectWasm(new Float32Array(filters * 9), filters, g, 1, x, undefined, false, y)).toBe(
        false,
      );
    }
  });
});
