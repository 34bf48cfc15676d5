import { describe, expect, it } from 'vitest';
import { Rng } from '../rng';
import { gemm } from './gemm';
import { type ConvGeometry, col2im, convAxis, im2col } from './im2col';

function geometry(
  c: number,
  h: number,
  w: number,
  k: number,
  stride: number,
  pad: 'same' | 'valid' | number,
) {
  const y = convAxis(h, k, stride, pad);
  const x = convAxis(w, k, stride, pad);
  const g: ConvGeometry = {
    channels: c,
    height: h,
    width: w,
    kernelH: k,
    kernelW: k,
    strideH: stride,
    strideW: stride,
    padTop: y.padBefore,
    padLeft: x.padBefore,
    outH: y.out,
    outW: x.out,
  };
  return g;
}

/** Direct convolution of one sample x[C,H,W] with w[F,C,K,K]: the reference. */
function convNaive(g: ConvGeometry, x: Float32Array, w: Float32Array, filters: number): Float32Array {
  const out = new Float32Array(filters * g.outH * g.outW);
  for (let f = 0; f < filters; f++)
    for (let oy = 0; oy < g.outH; oy++)
      for (let ox = 0; ox < g.outW; ox++) {
        let sum = 0;
        for (let c = 0; c < g.channels; c++)
          for (let ky = 0; ky < g.kernelH; ky++)
            for (let kx = 0; kx < g.kernelW; kx++) {
              const iy = oy * g.strideH - g.padTop + ky;
              const ix = ox * g.strideW - g.padLeft + kx;
              if (iy < 0 || iy >= g.height || ix < 0 || ix >= g.width) continue;
              sum +=
                x[(c * g.height + iy) * g.width + ix] *
                w[((f * g.channels + c) * g.kernelH + ky) * g.kernelW + kx];
            }
        out[(f * g.outH + oy) * g.outW + ox] = sum;
      }
  return out;
}

describe('im2col / col2im', () => {
  const rng = new Rng(3);
  const cases: [number, number, number, number, number, 'same' | 'valid' | number][] = [
    [1, 5, 7, 3, 1, 'valid'],
    [2, 5, 7, 3, 2, 'same'],
    [3, 6, 5, 2, 2, 'same'],
    [2, 7, 5, 3, 2, 1],
    [1, 4, 4, 5, 1, 'same'],
  ];
  for (const [c, h, w, k, stride, pad] of cases) {
    const g = geometry(c, h, w, k, stride, pad);
    it(`conv by im2col + gemm equals direct conv: C=${c} ${h}×${w} k=${k} s=${stride} pad=${pad}`, () => {
      const x = Float32Array.from({ length: c * h * w }, () => rng.uniform(-1, 1));
      const filters = 3;
      const wts = Float32Array.from({ length: filters * c * k * k }, () => rng.uniform(-1, 1));
      const rows = c * k * k;
      const cols = g.outH * g.outW;
      const col = new Float32Array(rows * cols);
      im2col(g, x, 0, col, 0);
      const out = new Float32Array(filters * cols);
      gemm(false, false, filters, cols, rows, 1, wts, 0, col, 0, 0, out, 0);
      const want = convNaive(g, x, wts, filters);
      for (let i = 0; i < out.length; i++) expect(out[i]).toBeCloseTo(want[i], 4);
    });
    it(`col2im is the adjoint of im2col: C=${c} ${h}×${w} k=${k} s=${stride} pad=${pad}`, () => {
      const x = Float32Array.from({ length: c * h * w }, () => rng.uniform(-1, 1));
      const y = Float32Array.from({ length: c * k * k * g.outH * g.outW }, () => rng.uniform(-1, 1));
      const col = new Float32Array(y.length);
      im2col(g, x, 0, col, 0);
      const back = new Float32Array(x.length);
      col2im(g, y, 0, back, 0);
      let lhs = 0;
      let rhs = 0;
      for (let i = 0; i < y.length; i++) lhs += col[i] * y[i];
      for (let i = 0; i < x.length; i++) rhs += x[i] * back[i];
      expect(lhs).toBeCloseTo(rhs, 4);
    });
  }

  it("'same' keeps ceil(size / stride) and pads like TensorFlow", () => {
    expect(convAxis(28, 5, 1, 'same')).toEqual({ out: 28, padBefore: 2 });
    expect(convAxis(7, 3, 2, 'same')).toEqual({ out: 4, padBefore: 1 });
    expect(convAxis(6, 2, 2, 'same')).toEqual({ out: 3, padBefore: 0 });
    expect(convAxis(28, 5, 1, 'valid')).toEqual({ out: 24, padBefore: 0 });
    expect(() => convAxis(3, 5, 1, 'valid')).toThrow(/does not fit/);
  });
});
